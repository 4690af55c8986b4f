package cn.civicloop.opinion.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.DistrictTime;

/**
 * Posts and cases per topic and district day ({@code opinion_topic_day}), counted as each joins its topic in the
 * same transaction, so the counts always equal the rows behind them. A topic never loses a post or case, and neither
 * moves to another topic: counting up is all it takes.
 */
@Component
class TopicDays {

    /** Posts and cases a batch adds per topic and district day, written with two statements for the whole batch. */
    static final class Counts {
        private final Map<String, Map<LocalDate, int[]>> byTopic = new LinkedHashMap<>();

        void addPost(String topicId, Instant postedAt) {
            count(topicId, postedAt)[0]++;
        }

        void addCase(String topicId, Instant openedAt) {
            count(topicId, openedAt)[1]++;
        }

        private int[] count(String topicId, Instant at) {
            return byTopic.computeIfAbsent(topicId, t -> new HashMap<>())
                    .computeIfAbsent(at.atZone(DistrictTime.ZONE).toLocalDate(), d -> new int[2]);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    TopicDays(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Adds the counts in the caller's transaction: the rows of new days first (H2 knows no upsert that adds), then
     * every row's increment, each as one JDBC batch.
     */
    void add(Counts counts) {
        List<Object[]> rows = new ArrayList<>();
        counts.byTopic.forEach((topic, days) -> days.forEach((day, n) -> rows.add(
                new Object[] {n[0], n[1], topic, Date.valueOf(day)})));
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate("insert into opinion_topic_day (topic_id, on_day) values (?, ?) on conflict do nothing",
                rows.stream().map(r -> new Object[] {r[2], r[3]}).toList());
        batches.batchUpdate("update opinion_topic_day set posts = posts + ?, cases = cases + ? "
                + "where topic_id = ? and on_day = ?", rows);
    }

    /** Posts and cases together per day since {@code from}, for each of the topics; days without any are absent. */
    Map<String, Map<LocalDate, Integer>> since(Collection<String> topicIds, LocalDate from) {
        Map<String, Map<LocalDate, Integer>> counts = new HashMap<>();
        if (topicIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select topic_id, on_day, posts + cases as items from opinion_topic_day "
                + "where topic_id in (:topics) and on_day >= :from")
                .param("topics", List.copyOf(topicIds)).param("from", Date.valueOf(from))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("topic_id"), t -> new HashMap<>())
                            .put(rs.getDate("on_day").toLocalDate(), rs.getInt("items"));
                });
        return counts;
    }
}
