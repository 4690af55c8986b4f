package cn.civicloop.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cases' daily figures are updated after each command's commit, by a listener of its own: a test that reads
 * them after acting waits until that listener has handled the events of the cases the test acted on (their
 * publications all completed). Only those: on a database shared with other test runs, another application may
 * leave publications of its own cases incomplete for minutes (a resubmission later), and they are no sign of this
 * test's figures.
 */
public final class DayFiguresCaughtUp {

    private DayFiguresCaughtUp() {
    }

    /** Waits for the daily figures of the cases {@code numbers} (case numbers, as returned by the intake). */
    public static void await(JdbcClient jdbc, String... numbers) {
        List<String> cases = Arrays.stream(numbers).distinct().toList();
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("name the cases whose figures to wait for");
        }
        Node.await(Duration.ofSeconds(30), "the daily figures catch up with the events of " + cases,
                () -> cases.stream().allMatch(number -> jdbc.sql("select count(*) from event_publication "
                        + "where completion_date is null and listener_id like ? and serialized_event like ?")
                        .params("%DayFigureUpdates%", "%\"" + number + "\"%").query(Long.class)
                        .single() == 0));
    }
}
