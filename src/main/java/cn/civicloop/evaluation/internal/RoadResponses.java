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
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

    /**
     * Keeps the named departments and the limits of a whistle. A whistle is blown once: of two reports of its
     * blowing (a redelivery, or the demo's history told again with its true times) the earliest limits count.
     */
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
                    where whistle_id = ? and department_id = ? and (ack_due is null or ack_due >= ?)""")
                    .params(e.areaCode(), Date.valueOf(day), ts(e.ackDue()), ts(e.reportDue()), e.id(), department,
                            ts(e.ackDue()))
                    .update();
            facts(e.id(), department);
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
        facts(e.whistleId(), e.departmentId());
    }

    /** Keeps the first rating of a department on a whistle. */
    void rated(WhistleRated e) {
        ensureRow(e.whistleId(), e.departmentId());
        jdbc.sql("update evaluation_road_whistle set rating = ? where whistle_id = ? and department_id = ? and rating is null")
                .params(e.score(), e.whistleId(), e.departmentId()).update();
        facts(e.whistleId(), e.departmentId());
    }

    /**
     * Keeps one holding round's answer; false when the round was already recorded. Of two reports of one round the
     * one that began earlier counts (the demo's history told again with its true times).
     */
    boolean record(ChiefAnswerSettled e) {
        Date day = Date.valueOf(LocalDate.ofInstant(e.heldSince(), DistrictTime.ZONE));
        boolean added = jdbc.sql("""
                insert into evaluation_road_answer (issue_id, hold_round, chief_id, chief_level, area_code, held_day,
                    due, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.issueId(), e.round(), e.chiefId(), e.chiefLevel(), e.areaCode(), day, ts(e.due()),
                        ts(e.answeredAt()))
                .update() > 0;
        if (!added) {
            jdbc.sql("""
                    update evaluation_road_answer set chief_id = ?, chief_level = ?, area_code = ?, held_day = ?, due = ?,
                        answered_at = ? where issue_id = ? and hold_round = ? and due > ?""")
                    .params(e.chiefId(), e.chiefLevel(), e.areaCode(), day, ts(e.due()), ts(e.answeredAt()),
                            e.issueId(), e.round(), ts(e.due()))
                    .update();
        }
        jdbc.sql("select chief_id, area_code, held_day, due, answered_at from evaluation_road_answer"
                + " where issue_id = ? and hold_round = ?").params(e.issueId(), e.round()).query(rs -> {
                    Timestamp due = rs.getTimestamp("due");
                    Timestamp answered = rs.getTimestamp("answered_at");
                    boolean inTime = answered != null && !answered.after(due);
                    fact("RA:" + e.issueId() + ":" + e.round(), Fact.ROAD_ANSWER, rs.getString("area_code"),
                            rs.getLong("chief_id"), answered != null ? answered : due, rs.getDate("held_day"), inTime,
                            null, e.issueId() + "/" + e.round());
                });
        return added;
    }

    /**
     * Writes the facts of the whistles whose acknowledgement or on-site limit passed with no answer (a department
     * that never came has no event of its own): called before a period is computed, so a missed limit counts.
     */
    @Transactional
    public int settle() {
        Timestamp now = Timestamp.from(clock.instant());
        List<long[]> due = jdbc.sql("""
                select w.whistle_id, w.department_id from evaluation_road_whistle w
                where w.blown_day is not null and ((w.acknowledged_at is null and w.ack_due < ?
                        and not exists (select 1 from evaluation_fact f
                            where f.source = concat('RW:ACK:', w.whistle_id, ':', w.department_id)))
                    or (w.on_site_at is null and w.report_due < ?
                        and not exists (select 1 from evaluation_fact f
                            where f.source = concat('RW:SITE:', w.whistle_id, ':', w.department_id))))""")
                .params(now, now).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        due.forEach(k -> facts(k[0], k[1]));
        return due.size();
    }

    /**
     * The facts of one whistle and named department, from its row as it now is: acknowledged and on site (once the
     * step was taken or its limit passed; a limit still running gives no fact) and the rating.
     */
    private void facts(long whistle, long department) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("select * from evaluation_road_whistle where whistle_id = ? and department_id = ?")
                .params(whistle, department).query(rs -> {
                    java.sql.Date day = rs.getDate("blown_day");
                    if (day == null) {
                        return; // its WhistleBlown is not handled yet: no area, no day
                    }
                    String area = rs.getString("area_code");
                    String key = whistle + ":" + department;
                    String reference = String.valueOf(whistle);
                    step(key, "ACK", Fact.WHISTLE_ACK, area, day, rs.getTimestamp("acknowledged_at"),
                            rs.getTimestamp("ack_due"), now, reference);
                    step(key, "SITE", Fact.WHISTLE_SITE, area, day, rs.getTimestamp("on_site_at"),
                            rs.getTimestamp("report_due"), now, reference);
                    int rating = rs.getInt("rating");
                    if (!rs.wasNull()) {
                        fact("RW:RATE:" + key, Fact.WHISTLE_RATING, area, null,
                                Objects.requireNonNullElse(rs.getTimestamp("on_site_at"), rs.getTimestamp("ack_due")),
                                day, true, "RATED_" + rating, reference);
                    }
                });
    }

    private void step(String key, String name, Fact fact, String area, java.sql.Date day, Timestamp done,
            Timestamp due, Timestamp now, String reference) {
        if (due == null || (done == null && !due.before(now))) {
            return; // the limit is still running
        }
        fact("RW:" + name + ":" + key, fact, area, null, done != null ? done : due, day,
                done != null && !done.after(due), null, reference);
    }

    /** Adds the fact or brings it to what its row now says (a late acknowledgement handled after its miss). */
    private void fact(String source, Fact fact, String area, Long chief, Timestamp at, java.sql.Date day, boolean hit,
            String outcome, String reference) {
        Timestamp occurred = at != null ? at : new Timestamp(day.getTime());
        jdbc.sql("""
                insert into evaluation_fact (source, fact, road_area_code, road_chief_id, occurred_at, fact_day, hit,
                    outcome, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(source, fact.name(), area, chief, occurred, day, hit, outcome, reference).update();
        jdbc.sql("""
                update evaluation_fact set road_area_code = ?, road_chief_id = ?, occurred_at = ?, fact_day = ?,
                    hit = ?, outcome = ? where source = ?""")
                .params(area, chief, occurred, day, hit, outcome, source).update();
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
        // the chief's level is read for chiefs only (an area's rounds are held at every level)
        String level = column.equals("chief_id") ? "max(chief_level)" : "0";
        return jdbc.sql("select " + column + " as subject, " + level + " as level, count(*) as rounds, "
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
