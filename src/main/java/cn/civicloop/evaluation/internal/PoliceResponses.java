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

import cn.civicloop.dispatch.IncidentCleared;
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

    private final JdbcClient jdbc;

    PoliceResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(IncidentCleared event) {
        record(event);
    }

    /** Keeps the incident's stamps; false when it was already recorded. */
    boolean record(IncidentCleared e) {
        if (e.receivedAt() == null) {
            return false;
        }
        if (jdbc.sql("select count(*) from evaluation_police_response where incident_number = ?").param(e.number())
                .query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                insert into evaluation_police_response (incident_number, block_code, priority, received_at,
                    received_day, dispatch_seconds, onscene_seconds) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(e.number(), e.blockCode(), e.priority(), Timestamp.from(e.receivedAt()),
                        LocalDate.ofInstant(e.receivedAt(), DistrictTime.ZONE), seconds(e.receivedAt(),
                                e.firstDispatchedAt()), seconds(e.receivedAt(), e.firstOnsceneAt()))
                .update();
        return true;
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
