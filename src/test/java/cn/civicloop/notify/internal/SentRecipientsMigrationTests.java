package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;

/**
 * V551 on a database that holds messages to residents (ADR 0067): a sent message forgets its sealed recipient and
 * keeps the phone's hash, a pending and a failed one keep both. On a database of its own, dropped after.
 */
class SentRecipientsMigrationTests {

    private MigrationDatabase database;

    @Test
    void sentMessagesForgetTheirRecipientOthersKeepIt() {
        database = MigrationDatabase.create("v551");
        database.flyway().target(database.versionBefore("551")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Timestamp at = Timestamp.from(Instant.parse("2026-03-01T02:00:00Z"));
        for (String status : new String[] {"SENT", "PENDING", "FAILED"}) {
            jdbc.sql("""
                    insert into notify_outbox (case_number, kind, channel, case_channel, recipient, recipient_hash,
                        text_body, source_event, status, attempts, next_attempt_at, created_at, sent_at)
                    values ('SZ-20260301-000001', 'REGISTER', 'webhook', 'WEBSITE', 'sm4:sealed-phone', 'hash-1',
                        '您的诉求已受理', ?, ?, 1, ?, ?, ?)""")
                    .params("SZ-20260301-000001/" + status, status, at, at, "SENT".equals(status) ? at : null)
                    .update();
        }

        database.flyway().load().migrate();

        assertThat(row(jdbc, "SENT")).containsEntry("recipient", null).containsEntry("recipient_hash", "hash-1");
        assertThat(row(jdbc, "PENDING")).containsEntry("recipient", "sm4:sealed-phone")
                .containsEntry("recipient_hash", "hash-1");
        assertThat(row(jdbc, "FAILED")).containsEntry("recipient", "sm4:sealed-phone");
    }

    private static Map<String, Object> row(JdbcClient jdbc, String status) {
        return jdbc.sql("select recipient, recipient_hash from notify_outbox where status = ?").param(status).query()
                .singleRow();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
