package cn.civicloop.evaluation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.shared.DistrictTime;

/**
 * The fact table: one row per case and evaluated event, keyed by its source so that a redelivered event changes
 * nothing. A row's {@code day} is the district day (Asia/Shanghai) of the instant that decides its period.
 */
@Repository
public class FactStore {

    /**
     * Who held the case and where it is, at the event.
     *
     * @param linkage the case came from the 110 desk (社会联动分流): it counts for the linked agencies' kind too
     */
    public record Subject(Long departmentId, Long unitId, String streetCode, String gridCode, boolean linkage) {

        public Subject(Long departmentId, Long unitId, String streetCode, String gridCode) {
            this(departmentId, unitId, streetCode, gridCode, false);
        }
    }

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the row unless one with this source exists; true if added. */
    boolean add(String source, String number, Fact fact, Subject s, Instant at, Instant dayOf, boolean hit,
            boolean first, String outcome) {
        LocalDate day = LocalDate.ofInstant(dayOf, DistrictTime.ZONE);
        if (jdbc.sql("select count(*) from evaluation_fact where source = ?").param(source).query(Long.class)
                .single() > 0) {
            return false;
        }
        jdbc.sql("""
                insert into evaluation_fact (source, case_number, fact, department_id, unit_id, street_code, grid_code,
                    occurred_at, fact_day, hit, first_dispatch, outcome, linkage)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(source, number, fact.name(), s.departmentId(), s.unitId(), s.streetCode(), s.gridCode(),
                        Timestamp.from(at), day, hit, first, outcome, s.linkage())
                .update();
        return true;
    }

    /** Sets the outcome of the row with this source, keeping its hit; false if there is none. */
    boolean outcome(String source, String outcome) {
        return jdbc.sql("update evaluation_fact set outcome = ? where source = ?").params(outcome, source).update() > 0;
    }

    /**
     * Marks the case's rows of {@code fact} that happened before {@code before} and have no outcome yet (all of
     * them when {@code latestOnly} is false, else the latest one).
     */
    int mark(String number, Fact fact, Instant before, Instant notBefore, boolean latestOnly, boolean hit,
            String outcome) {
        String restrict = latestOnly ? """
                 and occurred_at = (select max(occurred_at) from evaluation_fact
                     where case_number = ? and fact = ? and occurred_at < ?)""" : "";
        var sql = jdbc.sql("update evaluation_fact set hit = ?, outcome = ? where case_number = ? and fact = ?"
                + " and occurred_at < ? and occurred_at >= ? and (outcome is null or outcome not in ('RETURNED', 'CHANGED', 'REWORKED', 'REPEATED'))"
                + restrict)
                .params(hit, outcome, number, fact.name(), Timestamp.from(before), Timestamp.from(notBefore));
        if (latestOnly) {
            sql = sql.params(number, fact.name(), Timestamp.from(before));
        }
        return sql.update();
    }
}
