package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;

/**
 * V485 builds the deletion's index of the staff letters over letters already stored, and the setting
 * {@code civicloop.notify.inbox-retention} defaults to 180 days and refuses less than 30. The running task, on the
 * node the outbox's retention starts: {@link OutboxRetentionTests}.
 */
class InboxRetentionTests {


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

    static long staffId(JdbcClient jdbc, String username) {
        return jdbc.sql("select id from directory_staff where username = ?").param(username).query(Long.class)
                .single();
    }

    /** A letter to {@code staff} written at {@code at}, read an hour later when {@code read}. */
    static long letter(JdbcClient jdbc, long staff, Instant at, boolean read) {
        String event = "SZ-RETENTION/ASSIGN/" + UUID.randomUUID();
        jdbc.sql("""
                insert into notify_inbox (staff_id, case_number, kind, title, body, source_event, created_at, read_at)
                values (?, 'SZ-RETENTION', 'ASSIGN', '新工单待签收', '工单 SZ-RETENTION：派单', ?, ?, ?)""")
                .params(staff, event, Timestamp.from(at), read ? Timestamp.from(at.plusSeconds(3_600)) : null)
                .update();
        return jdbc.sql("select id from notify_inbox where source_event = ?").param(event).query(Long.class).single();
    }

    static boolean exists(JdbcClient jdbc, long id) {
        return jdbc.sql("select count(*) from notify_inbox where id = ?").param(id).query(Long.class).single() > 0;
    }
}
