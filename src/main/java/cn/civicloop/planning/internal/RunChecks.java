package cn.civicloop.planning.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import cn.civicloop.dispatch.UnitPlan;
import cn.civicloop.planning.CallSource;
import cn.civicloop.planning.HypercubeMethod;
import cn.civicloop.planning.PlanningRefusal;
import cn.civicloop.planning.RunRequest;
import cn.civicloop.planning.RunRequest.Assumptions;
import cn.civicloop.shared.Phrase;

/**
 * Completes a run request with the defaults (the plan's units on duty and reserve, the standing assumptions) and
 * refuses what cannot be run, naming the field: the API answers 422 and the page shows the refusal, both in the
 * reader's language.
 */
final class RunChecks {

    static final int MAX_UNITS_PER_BLOCK = 50;
    static final int MAX_RESERVE = 10;
    static final double MAX_CALLS_PER_HOUR = 1000;

    private RunChecks() {
    }

    static RunRequest complete(RunRequest r, UnitPlan plan, PlanningProperties p, LocalDate today) {
        if (r.source() == null) {
            throw refuse("source", "source", "请选择警情来源。");
        }
        LocalDate from = null;
        LocalDate to = null;
        Double perHour = null;
        Integer days = null;
        if (r.source() == CallSource.RECORDED) {
            to = r.to() == null ? today : r.to();
            from = r.from() == null ? to.minusDays(p.periodDays() - 1L) : r.from();
            if (from.isAfter(to)) {
                throw refuse("from", "period-reversed", "时段的起日晚于止日。");
            }
            long length = ChronoUnit.DAYS.between(from, to) + 1;
            if (length > p.maxPeriodDays()) {
                throw refuse("to", "period-long", "时段最长 {0} 天。", p.maxPeriodDays());
            }
        } else {
            perHour = r.callsPerHour() == null ? p.generated().callsPerHour() : r.callsPerHour();
            days = r.days() == null ? p.generated().days() : r.days();
            if (!(perHour > 0) || perHour > MAX_CALLS_PER_HOUR) {
                throw refuse("callsPerHour", "rate", "每小时警情数须大于 0 且不超过 {0}。", (int) MAX_CALLS_PER_HOUR);
            }
            if (days < 1 || days > p.maxPeriodDays()) {
                throw refuse("days", "days", "天数须为 1 至 {0}。", p.maxPeriodDays());
            }
            if (perHour * days * 24 > p.generated().maxCalls()) {
                throw refuse("callsPerHour", "generated-large", "生成的警情最多 {0} 起，请减少每小时警情数或天数。",
                        p.generated().maxCalls());
            }
        }
        Map<String, Integer> units = units(r, plan, p);
        int reserve = r.reservePerBlock() == null ? plan.reservePerBlock() : r.reservePerBlock();
        if (reserve < 0 || reserve > MAX_RESERVE) {
            throw refuse("reservePerBlock", "reserve-range", "保留警力须为 0 至 {0}。", MAX_RESERVE);
        }
        if (reserve > 0 && units.values().stream().allMatch(n -> n <= reserve)) {
            throw refuse("reservePerBlock", "reserve-all", "保留警力不少于每个块区的巡组数，一般警情将无巡组可派。");
        }
        HypercubeMethod method = r.hypercube() == null ? HypercubeMethod.APPROXIMATION : r.hypercube();
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        if (method == HypercubeMethod.EXACT && total > p.exactMaxUnits()) {
            throw refuse("hypercube", "exact", "精确解只适用于不超过 {0} 个巡组，当前为 {1} 个；请选近似解。",
                    p.exactMaxUnits(), total);
        }
        return new RunRequest(r.source(), from, to, perHour, days, units, reserve, assumptions(r.assumptions(), p),
                method, r.seed() == null ? p.seed() : r.seed());
    }

    private static Map<String, Integer> units(RunRequest r, UnitPlan plan, PlanningProperties p) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (String code : r.unitsPerBlock().keySet()) {
            if (plan.blocks().stream().noneMatch(b -> b.code().equals(code))) {
                throw refuse("unitsPerBlock", "units-block", "没有块区 {0}。", code);
            }
        }
        for (UnitPlan.PlannedBlock b : plan.blocks()) {
            Integer n = r.unitsPerBlock().get(b.code());
            int count = n == null ? b.onDuty() : n;
            if (count < 0 || count > MAX_UNITS_PER_BLOCK) {
                throw refuse("unitsPerBlock", "units-range", "{0} 的巡组数须为 0 至 {1}，不能为负数。", b.code(),
                        MAX_UNITS_PER_BLOCK);
            }
            units.put(b.code(), count);
        }
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        if (total < 1 || total > p.maxUnits()) {
            throw refuse("unitsPerBlock", "units-total", "巡组总数须为 1 至 {0}。", p.maxUnits());
        }
        return units;
    }

    private static Assumptions assumptions(Assumptions given, PlanningProperties p) {
        Assumptions d = p.assumptions().asRequest();
        Assumptions a = given == null ? d : given;
        return new Assumptions(
                check(a, d, Assumptions::emergencySpeedKmh, "assumptions.emergencySpeedKmh", 1, 200),
                check(a, d, Assumptions::detourFactor, "assumptions.detourFactor", 1, 3),
                check(a, d, Assumptions::processingSeconds, "assumptions.processingSeconds", 0, 3600),
                check(a, d, Assumptions::stationTurnoutSeconds, "assumptions.stationTurnoutSeconds", 0, 3600),
                check(a, d, Assumptions::patrolTurnoutSeconds, "assumptions.patrolTurnoutSeconds", 0, 3600),
                check(a, d, Assumptions::returnSpeedKmh, "assumptions.returnSpeedKmh", 1, 200),
                check(a, d, Assumptions::patrolSpeedKmh, "assumptions.patrolSpeedKmh", 1, 200));
    }

    private static double check(Assumptions given, Assumptions defaults, Function<Assumptions, Double> value,
            String field, double min, double max) {
        Double v = value.apply(given);
        double x = v == null ? value.apply(defaults) : v;
        if (!(x >= min && x <= max)) {
            throw refuse(field, "assumption", "{0} 须在 {1} 至 {2} 之间。", PlanningRefusal.fieldLabel(field), number(min),
                    number(max));
        }
        return x;
    }

    /** A refusal of {@code field} with the phrase {@code problem.planning.<what>} and its Chinese default. */
    static PlanningRefusal refuse(String field, String what, String chinese, Object... arguments) {
        return new PlanningRefusal(field, Phrase.of("problem.planning." + what, chinese, arguments));
    }

    /** A bound as a person writes it: 200, not 200.0. */
    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
