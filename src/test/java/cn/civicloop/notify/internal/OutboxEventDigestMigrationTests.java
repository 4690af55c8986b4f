package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;

/**
 * V552 on a database that holds messages to residents (ADR 0067): each message's key becomes the digest
 * {@link Outbox#eventDigest} makes of its event's text (Chinese text included), so a second delivery of an event
 * stored before still adds nothing, and a new event still adds its message. On a database of its own, dropped after.
 */
class OutboxEventDigestMigrationTests {

    private static final String INSERT = """
            insert into notify_outbox (case_number, kind, channel, case_channel, recipient, recipient_hash, text_body,
                %s, status, attempts, next_attempt_at, created_at)
            values ('SZ-20260301-000001', 'REGISTER', 'webhook', 'WEBSITE', 'sm4:sealed', 'hash-1', '您的诉求已受理',
                ?, 'PENDING', 0, ?, ?) on conflict do nothing""";

    private MigrationDatabase database;

    @Test
    void theKeyOfEveryStoredMessageIsTheDigestOfItsEventAndStillGuardsIt() {
        database = MigrationDatabase.create("v552");
        database.flyway().target(database.versionBefore("552")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Timestamp at = Timestamp.from(Instant.parse("2026-03-01T02:00:00Z"));
        List<String> events = List.of("SZ-20260301-000001/REGISTER/2026-03-01T02:00:00.123456Z",
                "SZ-20260301-000001/ESCALATED/HANDLE/催办/80/1", "SZ-20260301-000002/ASSIGN/2026-03-01T03:00:00Z/ab12");
        for (String event : events) {
            jdbc.sql(INSERT.formatted("source_event")).params(event, at, at).update();
        }

        database.flyway().load().migrate();

        for (String event : events) {
            assertThat(jdbc.sql("select count(*) from notify_outbox where source_event_digest = ?")
                    .param(Outbox.eventDigest(event)).query(Long.class).single()).as(event).isEqualTo(1);
            assertThat(jdbc.sql(INSERT.formatted("source_event_digest")).params(Outbox.eventDigest(event), at, at)
                    .update()).as("a second delivery of " + event).isZero();
        }
        assertThat(jdbc.sql(INSERT.formatted("source_event_digest"))
                .params(Outbox.eventDigest("SZ-20260301-000001/CLOSE/2026-03-02T02:00:00Z"), at, at).update())
                .as("a new event").isEqualTo(1);
        assertThat(Outbox.eventDigest(events.get(0))).hasSize(16);
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
