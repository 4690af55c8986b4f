package cn.civicloop.media.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.FollowUpAnswered;
import cn.civicloop.cases.Satisfaction;

/**
 * Raises the media centre's alerts from the cases' events, after their transaction: a handling clock's escalation
 * step at or past {@code overdue-percent}, and per-case counters of returns, reworks and dissatisfied answers reaching
 * their thresholds. One alert per case and kind (a redelivered event raises nothing new). No history is scanned.
 */
@Component
class Alerts {

    /** What the media centre is alerted to. */
    enum Kind {
        OVERDUE, RETURNED, REWORKED, DISSATISFIED
    }

    /** An alert as listed. */
    record Alert(long id, String caseNumber, Kind kind, Long departmentId, Instant raisedAt) {
    }

    private final JdbcClient jdbc;
    private final MediaProperties settings;

    Alerts(JdbcClient jdbc, MediaProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public static boolean concerns(CaseTransitioned e) {
        return e.action() == CaseAction.RETURN || e.action() == CaseAction.REJECT || e.action() == CaseAction.REWORK;
    }

    @ApplicationModuleListener(condition = "T(cn.civicloop.media.internal.Alerts).concerns(#event)")
    void on(CaseTransitioned event) {
        if (event.action() == CaseAction.RETURN) {
            count(event.number(), "returned", settings.returnedTimes(), Kind.RETURNED, event.departmentId(),
                    event.occurredAt());
        } else {
            count(event.number(), "reworked", settings.reworkedTimes(), Kind.REWORKED, event.departmentId(),
                    event.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(FollowUpAnswered e) {
        if (e.satisfaction() == Satisfaction.DISSATISFIED) {
            count(e.number(), "dissatisfied", settings.dissatisfiedTimes(), Kind.DISSATISFIED, e.departmentId(),
                    e.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(CaseEscalated e) {
        if (e.stage() == ClockStage.HANDLE && e.percent() >= settings.overduePercent()) {
            raise(e.number(), Kind.OVERDUE, e.departmentId(), e.occurredAt());
        }
    }

    List<Alert> newest(int limit) {
        return jdbc.sql("select id, case_number, kind, department_id, raised_at from media_alert "
                        + "order by raised_at desc, id desc fetch first ? rows only")
                .param(limit)
                .query((rs, n) -> new Alert(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                        (Long) rs.getObject(4, Long.class), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** {@code column} is one of the counter's columns named above, never input. */
    private void count(String number, String column, int threshold, Kind kind, Long departmentId, Instant at) {
        jdbc.sql("insert into media_case_counter (case_number) values (?) on conflict do nothing").param(number)
                .update();
        jdbc.sql("update media_case_counter set " + column + " = " + column + " + 1 where case_number = ?")
                .param(number).update();
        int times = jdbc.sql("select " + column + " from media_case_counter where case_number = ?").param(number)
                .query(Integer.class).single();
        if (times >= threshold) {
            raise(number, kind, departmentId, at);
        }
    }

    private void raise(String number, Kind kind, Long departmentId, Instant at) {
        jdbc.sql("""
                insert into media_alert (case_number, kind, department_id, raised_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(number, kind.name(), departmentId, Timestamp.from(at)).update();
    }
}
