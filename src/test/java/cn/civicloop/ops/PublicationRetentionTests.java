package cn.civicloop.ops;

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
 * Completed event publications are deleted once older than the retention, by the cluster's one recurring task;
 * recent completed ones and incomplete ones (the resubmission's work, however old) stay.
 */
class PublicationRetentionTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void completedPublicationsOlderThanTheRetentionAreDeletedAndNothingElse() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String[] args = Node.with(Node.ownDatabase("civicloop-retention"), "--civicloop.events.completed-retention=P7D",
                "--civicloop.events.retention-check=PT0.5S");
        try (Node node = Node.start("retention", clock, args)) {
            JdbcClient jdbc = node.bean(JdbcClient.class);
            Instant now = clock.instant();
            UUID oldDone = publication(jdbc, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(8)));
            UUID recentDone = publication(jdbc, now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
            UUID oldOpen = publication(jdbc, now.minus(Duration.ofDays(30)), null);
            // the scheduler's next run is due on the application's clock
            node.advanceWhenIdle(clock, "event-publication-retention", Duration.ofSeconds(1));
            Node.await(WAIT, "old completed publication deleted", () -> !exists(jdbc, oldDone));
            assertThat(exists(jdbc, recentDone)).as("completed within the retention").isTrue();
            assertThat(exists(jdbc, oldOpen)).as("incomplete, however old").isTrue();
            // now the recent one is 8 days old too
            node.advanceWhenIdle(clock, "event-publication-retention", Duration.ofDays(2));
            Node.await(WAIT, "second publication deleted once past the retention", () -> !exists(jdbc, recentDone));
            assertThat(exists(jdbc, oldOpen)).isTrue();
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'event-publication-retention'")
                    .query(Long.class).single()).as("one cluster-wide task").isEqualTo(1);
        }
    }

    private static UUID publication(JdbcClient jdbc, Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                + "completion_date, status, completion_attempts) values (?, 'retention-test', 'x', ?, ?, ?, ?, 1)")
                .params(id, "{\"test\":\"" + id + "\"}", Timestamp.from(published),
                        completed == null ? null : Timestamp.from(completed), completed == null ? "FAILED" : "COMPLETED")
                .update();
        return id;
    }

    private static boolean exists(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = ?").param(id).query(Long.class).single() > 0;
    }
}
