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

/**
 * Completes a run request with the defaults (the plan's units on duty and reserve, the standing assumptions) and
 * refuses what cannot be run, naming the field: the API answers 422 with a bilingual detail, the page shows the
 * message of the refusal's key in the reader's language.
 */
final class RunChecks {

    static final int MAX_UNITS_PER_BLOCK = 50;
    static final int MAX_RESERVE = 10;
    static final double MAX_CALLS_PER_HOUR = 1000;

    private RunChecks() {
    }

    static RunRequest complete(RunRequest r, UnitPlan plan, PlanningProperties p, LocalDate today) {
        if (r.source() == null) {
            throw refuse("source", "planning.refusal.source", "请选择警情来源 (source is required: RECORDED or GENERATED)");
        }
        LocalDate from = null;
        LocalDate to = null;
        Double perHour = null;
        Integer days = null;
        if (r.source() == CallSource.RECORDED) {
            to = r.to() == null ? today : r.to();
            from = r.from() == null ? to.minusDays(p.periodDays() - 1L) : r.from();
            if (from.isAfter(to)) {
                throw refuse("from", "planning.refusal.period.reversed", "时段起日晚于止日 (the period ends before it starts)");
            }
            long length = ChronoUnit.DAYS.between(from, to) + 1;
            if (length > p.maxPeriodDays()) {
                throw refuse("to", "planning.refusal.period.long", "时段最长 " + p.maxPeriodDays() + " 天 (the period is "
                        + "limited to " + p.maxPeriodDays() + " days)", p.maxPeriodDays());
            }
        } else {
            perHour = r.callsPerHour() == null ? p.generated().callsPerHour() : r.callsPerHour();
            days = r.days() == null ? p.generated().days() : r.days();
            if (!(perHour > 0) || perHour > MAX_CALLS_PER_HOUR) {
                throw refuse("callsPerHour", "planning.refusal.rate", "每小时警情数须大于0且不超过 " + (int) MAX_CALLS_PER_HOUR
                        + " (calls per hour must be above 0 and at most " + (int) MAX_CALLS_PER_HOUR + ")", (int) MAX_CALLS_PER_HOUR);
            }
            if (days < 1 || days > p.maxPeriodDays()) {
                throw refuse("days", "planning.refusal.days", "天数须为1至 " + p.maxPeriodDays() + " (days must be 1 to "
                        + p.maxPeriodDays() + ")", p.maxPeriodDays());
            }
            if (perHour * days * 24 > p.generated().maxCalls()) {
                throw refuse("callsPerHour", "planning.refusal.generated.large", "生成的警情不超过 "
                        + p.generated().maxCalls() + " 起 (a generated stream holds at most " + p.generated().maxCalls()
                        + " calls)", p.generated().maxCalls());
            }
        }
        Map<String, Integer> units = units(r, plan, p);
        int reserve = r.reservePerBlock() == null ? plan.reservePerBlock() : r.reservePerBlock();
        if (reserve < 0 || reserve > MAX_RESERVE) {
            throw refuse("reservePerBlock", "planning.refusal.reserve.range", "保留警力须为0至 " + MAX_RESERVE
                    + " (the reserve must be 0 to " + MAX_RESERVE + ")", MAX_RESERVE);
        }
        if (reserve > 0 && units.values().stream().allMatch(n -> n <= reserve)) {
            throw refuse("reservePerBlock", "planning.refusal.reserve.all", "保留警力不少于每个块区的警力，一般警情将无人可派 "
                    + "(with this reserve no block has a unit left for calls below priority 1)");
        }
        HypercubeMethod method = r.hypercube() == null ? HypercubeMethod.APPROXIMATION : r.hypercube();
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        if (method == HypercubeMethod.EXACT && total > p.exactMaxUnits()) {
            throw refuse("hypercube", "planning.refusal.exact", "精确解仅限 " + p.exactMaxUnits() + " 个巡组以内，当前 " + total
                    + " 个 (the exact hypercube is limited to " + p.exactMaxUnits() + " units; this plan has " + total + ")",
                    p.exactMaxUnits(), total);
        }
        return new RunRequest(r.source(), from, to, perHour, days, units, reserve, assumptions(r.assumptions(), p),
                method, r.seed() == null ? p.seed() : r.seed());
    }

    private static Map<String, Integer> units(RunRequest r, UnitPlan plan, PlanningProperties p) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (String code : r.unitsPerBlock().keySet()) {
            if (plan.blocks().stream().noneMatch(b -> b.code().equals(code))) {
                throw refuse("unitsPerBlock", "planning.refusal.units.block", "没有块区 " + code + " (no block " + code + ")",
                        code);
            }
        }
        for (UnitPlan.PlannedBlock b : plan.blocks()) {
            Integer n = r.unitsPerBlock().get(b.code());
            int count = n == null ? b.onDuty() : n;
            if (count < 0 || count > MAX_UNITS_PER_BLOCK) {
                throw refuse("unitsPerBlock", "planning.refusal.units.range", b.code() + " 的巡组数须为0至 "
                        + MAX_UNITS_PER_BLOCK + " (units of " + b.code() + " must be 0 to " + MAX_UNITS_PER_BLOCK + ")",
                        b.code(), MAX_UNITS_PER_BLOCK);
            }
            units.put(b.code(), count);
        }
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        if (total < 1 || total > p.maxUnits()) {
            throw refuse("unitsPerBlock", "planning.refusal.units.total", "巡组总数须为1至 " + p.maxUnits()
                    + " (the plan needs 1 to " + p.maxUnits() + " units in all)", p.maxUnits());
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
            throw refuse(field, "planning.refusal.assumption", field + " 须在 " + min + " 至 " + max + " 之间 (" + field
                    + " must be between " + min + " and " + max + ")", field, min, max);
        }
        return x;
    }

    static PlanningRefusal refuse(String field, String key, String message, Object... arguments) {
        return new PlanningRefusal(field, key, message, arguments);
    }
}
