package cn.civicloop.opinion.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final JdbcClient jdbc;

    TopicDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addPost(String topicId, Instant postedAt) {
        add(topicId, postedAt, "posts");
    }

    void addCase(String topicId, Instant openedAt) {
        add(topicId, openedAt, "cases");
    }

    /** {@code column} is {@code posts} or {@code cases}, never input. */
    private void add(String topicId, Instant at, String column) {
        Date day = Date.valueOf(at.atZone(DistrictTime.ZONE).toLocalDate());
        jdbc.sql("insert into opinion_topic_day (topic_id, on_day) values (?, ?) on conflict do nothing")
                .params(topicId, day).update();
        jdbc.sql("update opinion_topic_day set " + column + " = " + column + " + 1 where topic_id = ? and on_day = ?")
                .params(topicId, day).update();
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
