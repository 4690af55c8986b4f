package cn.civicloop.media.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.FollowUpAnswered;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.directory.Role;
import cn.civicloop.notify.StaffLetters;
import cn.civicloop.shared.SelectiveListener;

/**
 * Raises the media centre's alerts from the cases' events, after their transaction: a handling clock's escalation
 * step at or past {@code overdue-percent}, and per-case counters of returns, reworks and dissatisfied answers reaching
 * their thresholds. Each event counts once ({@code media_counted}: a redelivered event changes no counter) and there is
 * one alert per case and kind. A new alert is also a letter in every media officer's inbox (notify's
 * {@link StaffLetters}), in the same transaction. No history is scanned.
 */
@Component
class Alerts implements SelectiveListener {

    /** What the media centre is alerted to. */
    enum Kind {
        OVERDUE, RETURNED, REWORKED, DISSATISFIED
    }

    /** An alert as listed. */
    record Alert(long id, String caseNumber, Kind kind, Long departmentId, Instant raisedAt) {
    }

    /** Letters are records: written in the district's language whoever reads them. */
    private static final Locale LETTER_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final MediaProperties settings;
    private final StaffLetters letters;
    private final MessageSource messages;

    Alerts(JdbcClient jdbc, MediaProperties settings, StaffLetters letters, MessageSource messages) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.letters = letters;
        this.messages = messages;
    }

    public static boolean concerns(CaseTransitioned e) {
        return e.action() == CaseAction.RETURN || e.action() == CaseAction.REJECT || e.action() == CaseAction.REWORK;
    }

    /** Only the steps {@link #concerns} names store a publication for this listener. */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || concerns(t);
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        counted(event);
    }

    @ApplicationModuleListener
    void on(FollowUpAnswered e) {
        counted(e);
    }

    @ApplicationModuleListener
    void on(CaseEscalated e) {
        counted(e);
    }

    /** What the listener does, without its asynchrony (tests deliver an event twice through it). */
    void counted(CaseTransitioned event) {
        if (!concerns(event)) {
            return;
        }
        String source = event.number() + ":" + event.action().name() + ":" + event.occurredAt();
        if (event.action() == CaseAction.RETURN) {
            count(source, event.number(), "returned", settings.returnedTimes(), Kind.RETURNED, event.departmentId(),
                    event.occurredAt());
        } else {
            count(source, event.number(), "reworked", settings.reworkedTimes(), Kind.REWORKED, event.departmentId(),
                    event.occurredAt());
        }
    }

    void counted(FollowUpAnswered e) {
        if (e.satisfaction() == Satisfaction.DISSATISFIED) {
            count(e.number() + ":FOLLOW_UP:" + e.occurredAt(), e.number(), "dissatisfied",
                    settings.dissatisfiedTimes(), Kind.DISSATISFIED, e.departmentId(), e.occurredAt());
        }
    }

    void counted(CaseEscalated e) {
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

    /**
     * Counts the event {@code source} once; {@code column} is one of the counter's columns named above, never input.
     */
    private void count(String source, String number, String column, int threshold, Kind kind, Long departmentId,
            Instant at) {
        if (jdbc.sql("insert into media_counted (source, counted_at) values (?, ?) on conflict do nothing")
                .params(source, Timestamp.from(at)).update() == 0) {
            return; // delivered before: counted then
        }
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

    /** Records the alert once per case and kind; the first time, the media officers get a letter. */
    private void raise(String number, Kind kind, Long departmentId, Instant at) {
        int inserted = jdbc.sql("""
                insert into media_alert (case_number, kind, department_id, raised_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(number, kind.name(), departmentId, Timestamp.from(at)).update();
        if (inserted > 0) {
            String label = messages.getMessage("media.alert." + kind.name(), null, LETTER_LOCALE);
            letters.toRole(Role.MEDIA_OFFICER, number, "MEDIA_ALERT",
                    messages.getMessage("media.alert.letter.title", new Object[] {label, number}, LETTER_LOCALE),
                    messages.getMessage("media.alert.letter.body", new Object[] {number, label}, LETTER_LOCALE),
                    "media-alert:" + number + ":" + kind.name());
        }
    }
}
