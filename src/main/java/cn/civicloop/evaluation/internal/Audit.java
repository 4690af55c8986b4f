package cn.civicloop.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who changed what in evaluation, when and why: indicators, weights, objections and publications. */
@Repository
public class Audit {

    public record Entry(Instant at, String actor, String topic, String item, String change, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Audit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String actor, String topic, String item, String change, String detail) {
        jdbc.sql("insert into evaluation_audit (changed_at, actor, topic, item, change, detail) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, topic, item, change,
                        detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .update();
    }

    public List<Entry> of(String topic, String item) {
        return jdbc.sql("select changed_at, actor, topic, item, change, detail from evaluation_audit where topic = ? and item = ?"
                + " order by changed_at, id").params(topic, item)
                .query((rs, n) -> new Entry(rs.getTimestamp("changed_at").toInstant(), rs.getString("actor"),
                        rs.getString("topic"), rs.getString("item"), rs.getString("change"), rs.getString("detail")))
                .list();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("select changed_at, actor, topic, item, change, detail from evaluation_audit order by id desc fetch first ? rows only")
                .param(limit).query((rs, n) -> new Entry(rs.getTimestamp("changed_at").toInstant(), rs.getString("actor"),
                        rs.getString("topic"), rs.getString("item"), rs.getString("change"), rs.getString("detail")))
                .list();
    }
}
