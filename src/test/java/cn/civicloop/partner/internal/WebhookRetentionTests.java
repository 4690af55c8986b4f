package cn.civicloop.partner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * Webhook deliveries DELIVERED longer ago than the retention are deleted by the cluster's one recurring task, in
 * batches; recent deliveries and pending, sending and dead ones (however old) stay, and a second run deletes nothing.
 */
class WebhookRetentionTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void deliveredWebhooksOlderThanTheRetentionAreDeletedInBatchesAndNothingElse() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String[] args = Node.with(Node.ownDatabase("webhook-retention"), "--civicloop.partner.webhook.retention=P180D",
                "--civicloop.partner.webhook.retention-check=PT0.5S");
        try (Node node = Node.start("webhook-retention", clock, args)) {
            JdbcClient jdbc = node.bean(JdbcClient.class);
            Instant now = clock.instant();
            long client = client(jdbc, now);

            // the deletion itself, in batches of 2, on rows the task (180 days) leaves alone: 100 days old
            for (int i = 0; i < 5; i++) {
                delivery(jdbc, client, "DELIVERED", now.minus(Duration.ofDays(100)));
            }
            long deadMid = delivery(jdbc, client, "DEAD", now.minus(Duration.ofDays(100)));
            Instant ninetyDays = now.minus(Duration.ofDays(90));
            assertThat(WebhookRetention.DELIVERED.deleteBefore(jdbc, ninetyDays, 2, 10)).as("batches 2, 2, 1")
                    .isEqualTo(5);
            assertThat(WebhookRetention.DELIVERED.deleteBefore(jdbc, ninetyDays, 2, 10)).as("a second run").isZero();
            assertThat(exists(jdbc, deadMid)).as("a dead letter stays").isTrue();

            // the task: past the retention only
            long oldDelivered = delivery(jdbc, client, "DELIVERED", now.minus(Duration.ofDays(200)));
            long recentDelivered = delivery(jdbc, client, "DELIVERED", now.minus(Duration.ofDays(170)));
            long oldPending = delivery(jdbc, client, "PENDING", now.minus(Duration.ofDays(400)));
            long oldSending = delivery(jdbc, client, "SENDING", now.minus(Duration.ofDays(400)));
            long oldDead = delivery(jdbc, client, "DEAD", now.minus(Duration.ofDays(400)));
            // the scheduler's next run is due on the application's clock
            node.advanceWhenIdle(clock, WebhookRetention.TASK, Duration.ofSeconds(1));
            Node.await(WAIT, "delivery of 200 days ago deleted", () -> !exists(jdbc, oldDelivered));
            assertThat(exists(jdbc, recentDelivered)).as("delivered within the retention").isTrue();
            assertThat(exists(jdbc, oldPending) && exists(jdbc, oldSending) && exists(jdbc, oldDead))
                    .as("pending, sending and dead, however old").isTrue();
            // now the recent one was delivered 181 days ago
            node.advanceWhenIdle(clock, WebhookRetention.TASK, Duration.ofDays(11));
            Node.await(WAIT, "second delivery deleted once past the retention", () -> !exists(jdbc, recentDelivered));
            assertThat(exists(jdbc, oldPending) && exists(jdbc, oldSending) && exists(jdbc, oldDead)).isTrue();
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(WebhookRetention.TASK)
                    .query(Long.class).single()).as("one cluster-wide task").isEqualTo(1);
        }
    }

    private static long client(JdbcClient jdbc, Instant now) {
        jdbc.sql("""
                insert into partner_client (department_id, name, client_id, active, webhook_url, webhook_secret,
                    created_at)
                select min(id), 'retention-test', 'retention-test', true, 'http://127.0.0.1:9/hooks', 'x', ?
                from directory_department""").param(Timestamp.from(now)).update();
        return jdbc.sql("select id from partner_client where name = 'retention-test'").query(Long.class).single();
    }

    /** A delivery created at {@code at}; a delivered one was taken a minute later. */
    private static long delivery(JdbcClient jdbc, long client, String status, Instant at) {
        String event = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                insert into partner_delivery (client_ref, event_id, event_type, case_number, body, status, attempts,
                    next_attempt_at, last_error, created_at, delivered_at)
                values (?, ?, 'case.changed', 'SZ-RETENTION', '{}', ?, 1, ?, ?, ?, ?)""")
                .params(client, event, status, Timestamp.from(at), "DEAD".equals(status) ? "HTTP 503" : null,
                        Timestamp.from(at), "DELIVERED".equals(status) ? Timestamp.from(at.plusSeconds(60)) : null)
                .update();
        return jdbc.sql("select id from partner_delivery where event_id = ?").param(event).query(Long.class).single();
    }

    private static boolean exists(JdbcClient jdbc, long id) {
        return jdbc.sql("select count(*) from partner_delivery where id = ?").param(id).query(Long.class).single() > 0;
    }
}
