package cn.civicloop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * What a SIGKILL between an intake's commit and its triage leaves behind — the case, an incomplete CaseOpened
 * publication already marked RESUBMITTED, no triage decision — is repaired once two nodes run again: one of them resubmits the publication
 * when it is old enough, and the case is triaged exactly once.
 */
class EventResubmissionTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * A database of its own, on H2 and on PostgreSQL. On H2, other cached contexts met a closed database after this
     * test had run with the shared one (seen as AdminPagesBrowserTests failing in the full suite). On PostgreSQL the
     * nodes run 6 minutes ahead: in the shared database their schedulers took every recurring task (resident
     * messages, resubmission, partner webhooks) and put it off by those 6 minutes for every other context, so that
     * ResidentMessagesApiTests timed out whenever it came within 6 minutes after this class.
     */
    private static final String[] DATABASE = Node.ownDatabase("civicloop_resubmission");
    private static final String TRIAGE_ON_OPENED = "%TriageListeners.on(cn.civicloop.cases.CaseOpened)";

    @BeforeEach
    void resubmitQuickly() {
        System.setProperty("civicloop.events.resubmit-after", "PT5M");
        System.setProperty("civicloop.events.resubmit-check", "PT0.5S");
    }

    @AfterEach
    void restore() {
        System.clearProperty("civicloop.events.resubmit-after");
        System.clearProperty("civicloop.events.resubmit-check");
    }

    @Test
    void anEventLeftIncompleteByACrashIsDeliveredOnceAfterRestart() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String number;
        long suggestions;
        try (Node crashed = Node.start("before-crash", clock, DATABASE)) {
            JdbcClient jdbc = crashed.bean(JdbcClient.class);
            number = crashed.bean(AppealIntake.class).submit(new AppealForm(Channel.WEBSITE, "crash-" + UUID.randomUUID(),
                    AppealKind.COMPLAINT, Urgency.NORMAL, null, "小区门口路灯不亮", "光明路小区门口的路灯连续三晚不亮，晚上出行不便",
                    null, "光明路", null, false), List.of(), Actor.resident()).number();
            Node.await(WAIT, "first triage", () -> incomplete(jdbc, number) == 0 && decisions(jdbc, number) == 1);
            suggestions = suggestions(jdbc, number);
            // The state a SIGKILL during a resubmitted triage leaves: the listener's work rolled back, the publication
            // open and marked RESUBMITTED — which Modulith 2.0.3 never resubmits again by itself (crash test finding).
            jdbc.sql("delete from triage_duplicate where case_number = ?").param(number).update();
            jdbc.sql("delete from triage_decision where case_number = ?").param(number).update();
            jdbc.sql("update event_publication set completion_date = null, status = 'RESUBMITTED', "
                    + "last_resubmission_date = ? where listener_id like ? and serialized_event like ?")
                    .params(java.sql.Timestamp.from(clock.instant()), TRIAGE_ON_OPENED, "%" + number + "%").update();
            assertThat(incomplete(jdbc, number)).isEqualTo(1);
        }
        List<Node> nodes = List.of(Node.start("after-crash-a", clock, DATABASE),
                Node.start("after-crash-b", clock, DATABASE));
        try {
            JdbcClient jdbc = nodes.get(0).bean(JdbcClient.class);
            // older than civicloop.events.resubmit-after; a start-up run of either node's task may be under way
            nodes.get(0).advanceWhenIdle(clock, "event-resubmission", Duration.ofMinutes(6));
            Node.await(WAIT, "resubmitted triage", () -> incomplete(jdbc, number) == 0 && decisions(jdbc, number) == 1);
            assertThat(decisions(jdbc, number)).isEqualTo(1);
            assertThat(suggestions(jdbc, number)).isEqualTo(suggestions);
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'event-resubmission'")
                    .query(Long.class).single()).as("one cluster-wide resubmission task").isEqualTo(1);
        } finally {
            nodes.forEach(Node::close);
        }
    }

    private static long incomplete(JdbcClient jdbc, String number) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + number + "%").query(Long.class).single();
    }

    private static long decisions(JdbcClient jdbc, String number) {
        return jdbc.sql("select count(*) from triage_decision where case_number = ?").param(number).query(Long.class)
                .single();
    }

    /** The ranked suggestions the decision's row holds (ADR 0059: one after another between record separators). */
    private static long suggestions(JdbcClient jdbc, String number) {
        return jdbc.sql("select suggestions from triage_decision where case_number = ?").param(number)
                .query(String.class).optional().map(s -> s.split("\u001E").length).orElse(0);
    }
}
