package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * The notification module's two retentions on one node of their own (one start for both; each test reads its times
 * from the clock as the other left it). Messages to residents SENT longer ago than the retention are deleted by the
 * cluster's one recurring task, in batches; recent sent ones, pending and failed ones (however old) stay, and a second
 * run deletes nothing more. The inbox's letters: {@link InboxRetentionTests}.
 */
class OutboxRetentionTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static MutableClock clock;
    static Node node;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        node = Node.start("notify-retention", clock, Node.with(Node.ownDatabase("notify-retention"),
                "--civicloop.notify.sent-retention=P180D", "--civicloop.notify.inbox-retention=P180D",
                "--civicloop.notify.retention-check=PT0.5S"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void sentMessagesOlderThanTheRetentionAreDeletedInBatchesAndNothingElse() {
        JdbcClient jdbc = node.bean(JdbcClient.class);
        Instant now = clock.instant();

        // the deletion itself, in batches of 2, on rows the task (180 days) leaves alone: 100 days old
        for (int i = 0; i < 5; i++) {
            message(jdbc, "SENT", now.minus(Duration.ofDays(100)));
        }
        long pendingMid = message(jdbc, "PENDING", now.minus(Duration.ofDays(100)));
        long failedMid = message(jdbc, "FAILED", now.minus(Duration.ofDays(100)));
        Instant ninetyDays = now.minus(Duration.ofDays(90));
        assertThat(OutboxRetention.SENT.deleteBefore(jdbc, ninetyDays, 2, 10)).as("three batches: 2, 2, 1")
                .isEqualTo(5);
        assertThat(OutboxRetention.SENT.deleteBefore(jdbc, ninetyDays, 2, 10)).as("a second run").isZero();
        assertThat(exists(jdbc, pendingMid) && exists(jdbc, failedMid)).as("pending and failed stay").isTrue();

        // the task: past the retention only
        long oldSent = message(jdbc, "SENT", now.minus(Duration.ofDays(200)));
        long recentSent = message(jdbc, "SENT", now.minus(Duration.ofDays(170)));
        long oldPending = message(jdbc, "PENDING", now.minus(Duration.ofDays(400)));
        long oldFailed = message(jdbc, "FAILED", now.minus(Duration.ofDays(400)));
        // the scheduler's next run is due on the application's clock
        node.advanceWhenIdle(clock, OutboxRetention.TASK, Duration.ofSeconds(1));
        Node.await(WAIT, "message sent 200 days ago deleted", () -> !exists(jdbc, oldSent));
        assertThat(exists(jdbc, recentSent)).as("sent within the retention").isTrue();
        assertThat(exists(jdbc, oldPending)).as("pending, however old").isTrue();
        assertThat(exists(jdbc, oldFailed)).as("failed, however old").isTrue();
        // now the recent one was sent 181 days ago
        node.advanceWhenIdle(clock, OutboxRetention.TASK, Duration.ofDays(11));
        Node.await(WAIT, "second message deleted once past the retention", () -> !exists(jdbc, recentSent));
        assertThat(exists(jdbc, oldPending) && exists(jdbc, oldFailed)).isTrue();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(OutboxRetention.TASK)
                .query(Long.class).single()).as("one cluster-wide task").isEqualTo(1);
    }

    /** Staff letters past {@code civicloop.notify.inbox-retention} are deleted, read or not; younger ones stay. */
    @Test
    void lettersOlderThanTheRetentionAreDeletedReadOrNotAndYoungerOnesStay() {
        JdbcClient jdbc = node.bean(JdbcClient.class);
        Inbox inbox = node.bean(Inbox.class);
        long staff = InboxRetentionTests.staffId(jdbc, "zfj");
        long other = InboxRetentionTests.staffId(jdbc, "zfj-head");
        Instant now = clock.instant();
        long oldRead = InboxRetentionTests.letter(jdbc, staff, now.minus(Duration.ofDays(200)), true);
        long oldUnread = InboxRetentionTests.letter(jdbc, other, now.minus(Duration.ofDays(400)), false);
        long recent = InboxRetentionTests.letter(jdbc, staff, now.minus(Duration.ofDays(170)), false);
        long fresh = InboxRetentionTests.letter(jdbc, staff, now.minus(Duration.ofMinutes(5)), false);

        // the scheduler's next run is due on the application's clock

        node.advanceWhenIdle(clock, InboxRetention.TASK, Duration.ofSeconds(1));
        Node.await(WAIT, "letters of 200 and 400 days ago deleted",
                () -> !InboxRetentionTests.exists(jdbc, oldRead) && !InboxRetentionTests.exists(jdbc, oldUnread));
        Inbox.Page page = inbox.page(staff, false, 0, 20);
        assertThat(page.items()).extracting(Inbox.Item::id).as("newest first, within the retention")
                .containsExactly(fresh, recent);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.unread()).isEqualTo(2);
        assertThat(inbox.page(other, false, 0, 20).total()).as("the other reader's unread old letter").isZero();

        // now the recent one was written 181 days ago

        node.advanceWhenIdle(clock, InboxRetention.TASK, Duration.ofDays(11));
        Node.await(WAIT, "second letter deleted once past the retention", () -> !InboxRetentionTests.exists(jdbc, recent));
        assertThat(inbox.page(staff, false, 0, 20).items()).extracting(Inbox.Item::id).containsExactly(fresh);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(InboxRetention.TASK)
                .query(Long.class).single()).as("one cluster-wide task").isEqualTo(1);
    }

    /** A message created at {@code at} (on a channel no sender serves); a sent one was sent a minute later. */
    private static long message(JdbcClient jdbc, String status, Instant at) {
        String event = "SZ-RETENTION/REGISTER/" + UUID.randomUUID();
        jdbc.sql("""
                insert into notify_outbox (case_number, kind, channel, case_channel, recipient, recipient_hash,
                    text_body, source_event_digest, status, attempts, next_attempt_at, last_error, created_at, sent_at)
                values ('SZ-RETENTION', 'REGISTER', 'retention-test', 'HOTLINE_12345', 'sealed', 'hash', '【12345】您反映的诉求已受理',
                    ?, ?, 1, ?, ?, ?, ?)""")
                .params(Outbox.eventDigest(event), status, Timestamp.from(at), "FAILED".equals(status) ? "gateway refused" : null,
                        Timestamp.from(at), "SENT".equals(status) ? Timestamp.from(at.plusSeconds(60)) : null)
                .update();
        return jdbc.sql("select id from notify_outbox where source_event_digest = ?").param(Outbox.eventDigest(event))
                .query(Long.class).single();
    }

    private static boolean exists(JdbcClient jdbc, long id) {
        return jdbc.sql("select count(*) from notify_outbox where id = ?").param(id).query(Long.class).single() > 0;
    }
}
