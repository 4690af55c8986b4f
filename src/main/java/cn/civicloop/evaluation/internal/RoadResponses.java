package cn.civicloop.evaluation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.evaluation.Period;
import cn.civicloop.roads.ChiefAnswerSettled;
import cn.civicloop.roads.RoadNames;
import cn.civicloop.roads.WhistleBlown;
import cn.civicloop.roads.WhistleRated;
import cn.civicloop.roads.WhistleResponded;
import cn.civicloop.shared.DistrictTime;

/**
 * Road areas and chiefs (路长制) are scored on how the road system answered: whether the departments a whistle named
 * acknowledged and reported on site within its limits and how the whistle-blower rated them (per road area), and
 * whether each chief answered the issues he held within the answer limit (per chief and per area). Kept from the
 * roads module's events after their transactions, never from its tables; a redelivered event changes nothing (the
 * first time of each step is kept, a round is written once).
 * <p>
 * A whistle counts in the period of the district day it was blown, a holding round in the day it began. A limit
 * still running counts in neither the numerator nor the denominator: a department that has not acknowledged yet
 * is late only once its limit has passed.
 */
@Component
public class RoadResponses {

    /**
     * One road area's figures in a period; a rate or mean is null when nothing counted for it ("—" on the page).
     *
     * @param named       named departments of the area's whistles (one per whistle and department)
     * @param ackRate     share acknowledged within the limit, of those whose limit passed or who acknowledged
     * @param onSiteRate  share on site within the limit, likewise
     * @param meanRating  mean of the whistle-blowers' ratings (1–5)
     * @param answerRate  share of the chiefs' holding rounds in the area answered within the limit
     */
    public record AreaFigures(String areaCode, String areaName, long named, Double ackRate, Double onSiteRate,
            long rated, Double meanRating, long rounds, Double answerRate) {
    }

    /** One chief's answers in a period: holding rounds settled, how many in time, and the share. */
    public record ChiefFigures(long chiefId, String chiefName, int chiefLevel, long rounds, long inTime,
            Double answerRate) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final RoadNames names;
    private final Clock clock;

    RoadResponses(JdbcClient jdbc, Directory directory, RoadNames names, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.names = names;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(WhistleBlown e) {
        blown(e);
    }

    @ApplicationModuleListener
    void on(WhistleResponded e) {
        responded(e);
    }

    @ApplicationModuleListener
    void on(WhistleRated e) {
        rated(e);
    }

    @ApplicationModuleListener
    void on(ChiefAnswerSettled e) {
        record(e);
    }

    /** Keeps the named departments and the limits of a whistle. */
    void blown(WhistleBlown e) {
        LocalDate day = LocalDate.ofInstant(e.occurredAt(), DistrictTime.ZONE);
        for (String code : e.departmentCodes()) {
            Long department = directory.departmentByCode(code).map(Department::id).orElse(null);
            if (department == null) {
                continue;
            }
            ensureRow(e.id(), department);
            jdbc.sql("""
                    update evaluation_road_whistle set area_code = ?, blown_day = ?, ack_due = ?, report_due = ?
                    where whistle_id = ? and department_id = ?""")
                    .params(e.areaCode(), Date.valueOf(day), ts(e.ackDue()), ts(e.reportDue()), e.id(), department)
                    .update();
        }
    }

    /** Keeps the first acknowledgement and the first report on site of a named department. */
    void responded(WhistleResponded e) {
        ensureRow(e.whistleId(), e.departmentId());
        // reporting on site acknowledges too; only the first time of each step counts
        jdbc.sql("update evaluation_road_whistle set acknowledged_at = case when acknowledged_at is null or "
                + "acknowledged_at > ? then ? else acknowledged_at end"
                + (e.onSite() ? ", on_site_at = case when on_site_at is null or on_site_at > ? then ? else on_site_at end" : "")
                + " where whistle_id = ? and department_id = ?")
                .params(e.onSite()
                        ? List.of(ts(e.occurredAt()), ts(e.occurredAt()), ts(e.occurredAt()), ts(e.occurredAt()),
                                e.whistleId(), e.departmentId())
                        : List.of(ts(e.occurredAt()), ts(e.occurredAt()), e.whistleId(), e.departmentId()))
                .update();
    }

    /** Keeps the first rating of a department on a whistle. */
    void rated(WhistleRated e) {
        ensureRow(e.whistleId(), e.departmentId());
        jdbc.sql("update evaluation_road_whistle set rating = ? where whistle_id = ? and department_id = ? and rating is null")
                .params(e.score(), e.whistleId(), e.departmentId()).update();
    }

    /** Keeps one holding round's answer; false when the round was already recorded. */
    boolean record(ChiefAnswerSettled e) {
        return jdbc.sql("""
                insert into evaluation_road_answer (issue_id, hold_round, chief_id, chief_level, area_code, held_day,
                    due, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.issueId(), e.round(), e.chiefId(), e.chiefLevel(), e.areaCode(),
                        Date.valueOf(LocalDate.ofInstant(e.heldSince(), DistrictTime.ZONE)), ts(e.due()),
                        ts(e.answeredAt()))
                .update() > 0;
    }

    /** Every road area's figures in {@code period}: two grouped aggregates over the period's days. */
    public List<AreaFigures> areas(Period period) {
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, AreaFigures> byArea = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, String> areaNames = names.areaNames();
        jdbc.sql("""
                select area_code, count(*) as named,
                    sum(case when acknowledged_at is not null or ack_due < ? then 1 else 0 end) as ack_counted,
                    sum(case when acknowledged_at <= ack_due then 1 else 0 end) as ack_in_time,
                    sum(case when on_site_at is not null or report_due < ? then 1 else 0 end) as site_counted,
                    sum(case when on_site_at <= report_due then 1 else 0 end) as site_in_time,
                    count(rating) as rated, avg(cast(rating as double precision)) as mean_rating
                from evaluation_road_whistle where blown_day between ? and ?
                group by area_code""")
                .params(now, now, Date.valueOf(period.from()), Date.valueOf(period.to()))
                .query((rs, n) -> {
                    String code = rs.getString("area_code");
                    long rated = rs.getLong("rated");
                    return new AreaFigures(code, areaNames.get(code), rs.getLong("named"),
                            rate(rs.getLong("ack_in_time"), rs.getLong("ack_counted")),
                            rate(rs.getLong("site_in_time"), rs.getLong("site_counted")), rated,
                            rated == 0 ? null : rs.getDouble("mean_rating"), 0, null);
                }).list().forEach(a -> byArea.put(a.areaCode(), a));
        for (Rounds r : rounds(period, "area_code")) {
            String code = r.key();
            AreaFigures a = byArea.getOrDefault(code,
                    new AreaFigures(code, areaNames.get(code), 0, null, null, 0, null, 0, null));
            byArea.put(code, new AreaFigures(code, a.areaName(), a.named(), a.ackRate(), a.onSiteRate(), a.rated(),
                    a.meanRating(), r.rounds(), rate(r.inTime(), r.rounds())));
        }
        return new ArrayList<>(byArea.values());
    }

    /** Every chief's answers in {@code period}, the lowest share first (the ones to talk to). */
    public List<ChiefFigures> chiefs(Period period) {
        List<Rounds> rounds = rounds(period, "chief_id");
        Map<Long, String> chiefNames = names.chiefNames(rounds.stream().map(r -> Long.valueOf(r.key())).toList());
        return rounds.stream()
                .map(r -> new ChiefFigures(Long.parseLong(r.key()), chiefNames.get(Long.valueOf(r.key())), r.level(),
                        r.rounds(), r.inTime(), rate(r.inTime(), r.rounds())))
                .sorted(Comparator.comparing(ChiefFigures::answerRate).thenComparing(ChiefFigures::chiefId))
                .toList();
    }

    private record Rounds(String key, int level, long rounds, long inTime) {
    }

    /** Holding rounds per {@code column} (a fixed column name, never input). */
    private List<Rounds> rounds(Period period, String column) {
        return jdbc.sql("select " + column + " as subject, max(chief_level) as level, count(*) as rounds, "
                + "sum(case when answered_at <= due then 1 else 0 end) as in_time "
                + "from evaluation_road_answer where held_day between ? and ? group by " + column)
                .params(Date.valueOf(period.from()), Date.valueOf(period.to()))
                .query((rs, n) -> new Rounds(rs.getString("subject"), rs.getInt("level"), rs.getLong("rounds"),
                        rs.getLong("in_time"))).list();
    }

    /** The whistle's row for the department, made by whichever of its events is handled first. */
    private void ensureRow(long whistle, long department) {
        jdbc.sql("insert into evaluation_road_whistle (whistle_id, department_id) values (?, ?) on conflict do nothing")
                .params(whistle, department).update();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
