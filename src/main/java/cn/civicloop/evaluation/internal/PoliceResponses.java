package cn.civicloop.evaluation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.dispatch.DispatchRecords;
import cn.civicloop.dispatch.IncidentCleared;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.RecordedIncident;
import cn.civicloop.dispatch.RecordedIncidents;
import cn.civicloop.evaluation.Period;
import cn.civicloop.shared.DistrictTime;

/**
 * Police blocks (块区) are scored on how fast the 110 service answered: one row per cleared incident, taken from
 * dispatch's {@link IncidentCleared} stamps after its transaction (never from its tables), keyed by the incident
 * number so that a redelivered event adds nothing. An incident counts in the period of the district day its call
 * came in; the figures are the median and 90th percentile (linear interpolation, SQL {@code percentile_cont}) of the
 * seconds from the call to the first dispatch and to the first unit on scene, per block and priority.
 */
@Component
public class PoliceResponses {

    /**
     * One block's figures for one priority in a period; a median or p90 is null when no incident had that stamp.
     *
     * @param blockCode null for incidents outside every block
     * @param onScene   how many of the incidents had a unit on scene (the on-scene figures' count)
     */
    public record BlockFigures(String blockCode, int priority, long incidents, long onScene, Double dispatchMedian,
            Double onSceneMedian, Double onSceneP90) {
    }

    /**
     * One block's response to one priority in a computed version: the incidents, those with a unit on scene, those
     * on scene within the target, and the median and p90 of the seconds to scene (null when none was on scene).
     */
    public record PriorityFigures(String blockCode, int priority, long incidents, long onScene, long onTime,
            Integer targetSeconds, Double median, Double p90) {
    }

    private final JdbcClient jdbc;
    private final DispatchRecords records;
    private final java.time.Clock clock;

    PoliceResponses(JdbcClient jdbc, DispatchRecords records, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(IncidentCleared event) {
        record(event);
    }

    /** Keeps the incident's stamps and its fact; false when it was already recorded. */
    boolean record(IncidentCleared e) {
        return record(e.number(), e.blockCode(), e.priority(), e.receivedAt(), e.firstDispatchedAt(),
                e.firstOnsceneAt());
    }

    private boolean record(String number, String block, int priority, Instant received, Instant dispatched,
            Instant onScene) {
        if (received == null) {
            return false;
        }
        if (jdbc.sql("select count(*) from evaluation_police_response where incident_number = ?").param(number)
                .query(Long.class).single() > 0) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(received, DistrictTime.ZONE);
        Long toScene = seconds(received, onScene);
        jdbc.sql("""
                insert into evaluation_police_response (incident_number, block_code, priority, received_at,
                    received_day, dispatch_seconds, onscene_seconds) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(number, block, priority, Timestamp.from(received), day, seconds(received, dispatched), toScene)
                .update();
        if (block != null) {
            // the hit follows the target in force; settle() brings it to the target when the period is computed
            jdbc.sql("""
                    insert into evaluation_fact (source, fact, police_block_code, priority, response_seconds,
                        occurred_at, fact_day, hit, reference) values (?, 'POLICE_RESPONSE', ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")
                    .params("PR:" + number, block, priority, toScene, Timestamp.from(received), day,
                            toScene != null && toScene <= target(priority), number)
                    .update();
        }
        return true;
    }

    private long target(int priority) {
        return jdbc.sql("select onscene_seconds from evaluation_police_target where priority = ?").param(priority)
                .query(Long.class).optional().orElse(-1L);
    }

    /**
     * Before {@code period} is computed: takes in the period's cleared incidents whose event never reached this
     * module (older than it, or written without one such as the demo's week) through dispatch's read API, and
     * brings every hit of the period to the targets in force. Returns the incidents taken in.
     */
    public int settle(Period period) {
        int added = 0;
        Instant from = period.from().atStartOfDay(DistrictTime.ZONE).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(DistrictTime.ZONE).toInstant();
        Instant now = clock.instant();
        if (to.isAfter(now)) {
            to = now;
        }
        java.util.Set<String> known = new java.util.HashSet<>(jdbc.sql(
                "select incident_number from evaluation_police_response where received_day between ? and ?")
                .params(Date.valueOf(period.from()), Date.valueOf(period.to())).query(String.class).list());
        while (from.isBefore(to)) {
            RecordedIncidents page = records.incidentsReceived(from, to, DispatchRecords.MAX_INCIDENTS);
            for (RecordedIncident i : page.incidents()) {
                if (i.status() == IncidentStatus.CLEARED && i.clearedAt() != null && known.add(i.number())
                        && record(i.number(), i.blockCode(), i.priority(), i.receivedAt(), i.firstDispatchedAt(),
                                i.firstOnsceneAt())) {
                    added++;
                }
            }
            if (!page.more() || page.incidents().isEmpty()) {
                break;
            }
            Instant last = page.incidents().get(page.incidents().size() - 1).receivedAt();
            // the next page starts at the last call's instant: calls sharing it are read twice and added once
            from = last.equals(from) ? last.plusNanos(1000) : last;
        }
        // only the rows whose hit changes: rewriting every row of the month would cost a new row version and index
        // entries each (and the month's index-only reads) at every computation
        String stale = """
                fact = 'POLICE_RESPONSE' and fact_day between ? and ? and hit <> (case when response_seconds
                    is not null and response_seconds <= (select t.onscene_seconds from evaluation_police_target t
                        where t.priority = evaluation_fact.priority) then true else false end)""";
        // the update reads every police fact of the month from the heap (1.7 s of a 3,000,000-case year's draft);
        // the count reads the covering (day, fact) index only, and with the targets unchanged finds none to write
        if (jdbc.sql("select count(*) from evaluation_fact where " + stale)
                .params(Date.valueOf(period.from()), Date.valueOf(period.to())).query(Long.class).single() > 0) {
            jdbc.sql("update evaluation_fact set hit = not hit where " + stale)
                    .params(Date.valueOf(period.from()), Date.valueOf(period.to())).update();
        }
        return added;
    }

    /**
     * Every block's response per priority in {@code period}, from the facts as a version counts them: incidents, on
     * scene, on time and the median and p90 of the seconds to scene ({@code percentile_cont}).
     */
    public List<PriorityFigures> versionFigures(Period period) {
        return jdbc.sql("""
                select f.police_block_code, f.priority, count(*) as incidents, count(f.response_seconds) as onscene,
                    sum(case when f.hit then 1 else 0 end) as on_time, max(t.onscene_seconds) as target,
                    percentile_cont(0.5) within group (order by f.response_seconds) as median,
                    percentile_cont(0.9) within group (order by f.response_seconds) as p90
                from evaluation_fact f left join evaluation_police_target t on t.priority = f.priority
                where f.fact_day between ? and ? and f.fact = 'POLICE_RESPONSE'
                group by f.police_block_code, f.priority
                order by f.police_block_code, f.priority""")
                .params(Date.valueOf(period.from()), Date.valueOf(period.to()))
                .query((rs, n) -> new PriorityFigures(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getObject(6) == null ? null : rs.getInt(6), number(rs.getObject(7)),
                        number(rs.getObject(8))))
                .list();
    }

    /** Every block's figures per priority in {@code period}: one grouped aggregate over the period's days. */
    public List<BlockFigures> figures(Period period) {
        return jdbc.sql("""
                select block_code, priority, count(*) as incidents, count(onscene_seconds) as onscene,
                    percentile_cont(0.5) within group (order by dispatch_seconds) as dispatch_median,
                    percentile_cont(0.5) within group (order by onscene_seconds) as onscene_median,
                    percentile_cont(0.9) within group (order by onscene_seconds) as onscene_p90
                from evaluation_police_response
                where received_day between ? and ?
                group by block_code, priority
                order by block_code, priority""")
                .params(Date.valueOf(period.from()), Date.valueOf(period.to()))
                .query((rs, n) -> new BlockFigures(rs.getString("block_code"), rs.getInt("priority"),
                        rs.getLong("incidents"), rs.getLong("onscene"), number(rs.getObject("dispatch_median")),
                        number(rs.getObject("onscene_median")), number(rs.getObject("onscene_p90"))))
                .list();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** Whole seconds from the call to a stamp; null when the step never happened (or a stamp runs backwards). */
    private static Long seconds(Instant received, Instant stamp) {
        if (stamp == null || stamp.isBefore(received)) {
            return null;
        }
        return Duration.between(received, stamp).toSeconds();
    }
}
