package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * Staff letters written longer ago than {@code civicloop.notify.inbox-retention} are deleted by the cluster's one
 * recurring task, read or not; younger ones stay and their owner's inbox reads them as before. V485 builds the
 * deletion's index over letters already stored. The setting defaults to 180 days and refuses less than 30.
 */
class InboxRetentionTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void lettersOlderThanTheRetentionAreDeletedReadOrNotAndYoungerOnesStay() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String[] args = Node.with(Node.ownDatabase("inbox-retention"), "--civicloop.notify.inbox-retention=P180D",
                "--civicloop.notify.retention-check=PT0.5S");
        try (Node node = Node.start("inbox-retention", clock, args)) {
            JdbcClient jdbc = node.bean(JdbcClient.class);
            Inbox inbox = node.bean(Inbox.class);
            long staff = staffId(jdbc, "zfj");
            long other = staffId(jdbc, "zfj-head");
            Instant now = clock.instant();
            long oldRead = letter(jdbc, staff, now.minus(Duration.ofDays(200)), true);
            long oldUnread = letter(jdbc, other, now.minus(Duration.ofDays(400)), false);
            long recent = letter(jdbc, staff, now.minus(Duration.ofDays(170)), false);
            long fresh = letter(jdbc, staff, now.minus(Duration.ofMinutes(5)), false);

            clock.advance(Duration.ofSeconds(1)); // the scheduler's next run is due on the application's clock
            Node.await(WAIT, "letters of 200 and 400 days ago deleted",
                    () -> !exists(jdbc, oldRead) && !exists(jdbc, oldUnread));
            Inbox.Page page = inbox.page(staff, false, 0, 20);
            assertThat(page.items()).extracting(Inbox.Item::id).as("newest first, within the retention")
                    .containsExactly(fresh, recent);
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.unread()).isEqualTo(2);
            assertThat(inbox.page(other, false, 0, 20).total()).as("the other reader's unread old letter").isZero();

            clock.advance(Duration.ofDays(11)); // now the recent one was written 181 days ago
            Node.await(WAIT, "second letter deleted once past the retention", () -> !exists(jdbc, recent));
            assertThat(inbox.page(staff, false, 0, 20).items()).extracting(Inbox.Item::id).containsExactly(fresh);
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(InboxRetention.TASK)
                    .query(Long.class).single()).as("one cluster-wide task").isEqualTo(1);
        }
    }

    @Test
    void theIndexOfV485IsBuiltOverStoredLettersWhichTheRetentionThenWalks() {
        MigrationDatabase database = MigrationDatabase.create("v485");
        try {
            database.flyway().target("470").load().migrate(); // V470: on both databases, before V485
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            Instant now = Instant.parse("2026-12-07T06:00:00Z");
            long old = letter(jdbc, 7, now.minus(Duration.ofDays(365)), true);
            long kept = letter(jdbc, 7, now.minus(Duration.ofDays(10)), false);

            database.flyway().load().migrate();

            assertThat(InboxRetention.WRITTEN.deleteBefore(jdbc, now.minus(Duration.ofDays(180)), 5_000, 1))
                    .isEqualTo(1);
            assertThat(exists(jdbc, old)).isFalse();
            Inbox.Page page = new Inbox(jdbc).page(7, true, 0, 20);
            assertThat(page.items()).extracting(Inbox.Item::id).containsExactly(kept);
            assertThat(page.unread()).isEqualTo(1);
        } finally {
            database.drop();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotifyProperties.class)
    static class Settings {
    }

    @Test
    void theSettingDefaultsTo180DaysAndRefusesLessThan30() {
        ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);
        context.run(ctx -> assertThat(ctx.getBean(NotifyProperties.class).inboxRetention())
                .isEqualTo(Duration.ofDays(180)));
        context.withPropertyValues("civicloop.notify.inbox-retention=P30D").run(ctx -> assertThat(
                ctx.getBean(NotifyProperties.class).inboxRetention()).isEqualTo(Duration.ofDays(30)));
        context.withPropertyValues("civicloop.notify.inbox-retention=P29D").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("inboxRetention"));
    }

    private static long staffId(JdbcClient jdbc, String username) {
        return jdbc.sql("select id from directory_staff where username = ?").param(username).query(Long.class)
                .single();
    }

    /** A letter to {@code staff} written at {@code at}, read an hour later when {@code read}. */
    private static long letter(JdbcClient jdbc, long staff, Instant at, boolean read) {
        String event = "SZ-RETENTION/ASSIGN/" + UUID.randomUUID();
        jdbc.sql("""
                insert into notify_inbox (staff_id, case_number, kind, title, body, source_event, created_at, read_at)
                values (?, 'SZ-RETENTION', 'ASSIGN', '新工单待签收', '工单 SZ-RETENTION：派单', ?, ?, ?)""")
                .params(staff, event, Timestamp.from(at), read ? Timestamp.from(at.plusSeconds(3_600)) : null)
                .update();
        return jdbc.sql("select id from notify_inbox where source_event = ?").param(event).query(Long.class).single();
    }

    private static boolean exists(JdbcClient jdbc, long id) {
        return jdbc.sql("select count(*) from notify_inbox where id = ?").param(id).query(Long.class).single() > 0;
    }
}
