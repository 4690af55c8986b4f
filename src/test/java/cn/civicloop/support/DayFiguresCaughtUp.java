package cn.civicloop.support;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cases' daily figures are updated after each command's commit, by a listener of its own: a test that reads
 * them after acting waits until that listener has no event left to handle (its publications all completed).
 */
public final class DayFiguresCaughtUp {

    private DayFiguresCaughtUp() {
    }

    public static void await(JdbcClient jdbc) {
        Node.await(Duration.ofSeconds(30), "the daily figures catch up with the cases' events", () -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and listener_id like ?")
                .param("%DayFigureUpdates%").query(Long.class).single() == 0);
    }
}
