package cn.civicloop.opinion.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.opinion.WarningLevel;
import cn.civicloop.shared.Masking;

/**
 * Stores posts and places them in topics as they arrive, keeping each topic's heat, level and negative share up to
 * date, and answers the board's top-N. One writer at a time (the clusterer's window is in memory); the window is
 * read back from the database on first use after a start, so a restart does not split running topics.
 */
@Service
public class TopicBoard {

    /** One row of the top-N table. Author handles never leave this class unmasked. */
    public record TopicRow(int rank, String id, double heat, WarningLevel level, Instant firstAt, Instant lastAt,
            String headline, int posts, int authors, long engagement, double negativeShare) {
    }

    /** A post of a topic as shown: the author handle masked. */
    public record PostRow(String source, String url, String author, String title, Instant at, long engagement) {
    }

    /** What a batch did: new posts stored and placed, posts already known, topics touched. */
    public record Outcome(int accepted, int duplicates, List<String> topics) {
    }

    private final JdbcClient jdbc;
    private final OpinionProperties settings;
    private final Clock clock;
    private final AtomicLong topicSequence = new AtomicLong();
    private TopicClusterer clusterer;
    private final Map<String, TopicStats> live = new HashMap<>();

    TopicBoard(JdbcClient jdbc, OpinionProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public synchronized Outcome ingest(long sourceId, List<IncomingPost> batch) {
        ensureWindow();
        int accepted = 0;
        List<String> topics = new ArrayList<>();
        for (IncomingPost in : batch) {
            boolean known = jdbc.sql("select count(*) from opinion_post where source_id = ? and external_id = ?")
                    .params(sourceId, in.externalId()).query(Long.class).single() > 0;
            if (known) {
                continue;
            }
            PostText text = new PostText(sourceId + ":" + in.externalId(), in.title(), in.text(), in.at(),
                    in.author() == null || in.author().isBlank() ? sourceId + ":" + in.externalId() : in.author(),
                    in.engagement());
            String topic = clusterer.add(text);
            boolean negative = NegativeWords.negative(in.title(), in.text());
            TopicStats stats = live.computeIfAbsent(topic, t -> new TopicStats());
            stats.add(text, negative);
            saveTopic(topic, stats);
            jdbc.sql("""
                    insert into opinion_post (source_id, external_id, url, author_handle, title, body, posted_at, likes,
                        opposes, replies, reposts, place, negative, topic_id, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(sourceId, in.externalId(), in.url(), in.author(), in.title(), in.text(),
                            ts(in.at()), in.likes(), in.opposes(), in.replies(), in.reposts(), in.place(),
                            negative, topic, ts(clock.instant()))
                    .update();
            accepted++;
            if (!topics.contains(topic)) {
                topics.add(topic);
            }
        }
        forgetColdTopics();
        return new Outcome(accepted, batch.size() - accepted, topics);
    }

    /**
     * Topics whose last post left the clusterer's window (the window before the latest post seen) can no longer be
     * joined: their figures stay in the table, not in memory.
     */
    private void forgetColdTopics() {
        Instant latest = live.values().stream().map(TopicStats::last).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        if (latest != null) {
            Instant horizon = latest.minus(settings.window());
            live.values().removeIf(stats -> stats.last().isBefore(horizon));
        }
    }

    /** The hottest topics whose last post is within the board window, hottest first. */
    public List<TopicRow> top(int limit) {
        Instant since = clock.instant().minus(settings.boardWindow());
        List<TopicRow> rows = new ArrayList<>();
        jdbc.sql("""
                select id, heat, level, first_at, last_at, headline, posts, authors, engagement, negative_share
                from opinion_topic where last_at >= ? order by heat desc, last_at desc, id fetch first ? rows only""")
                .params(ts(since), limit)
                .query((rs, n) -> new TopicRow(n + 1, rs.getString("id"), rs.getDouble("heat"),
                        WarningLevel.valueOf(rs.getString("level")), instant(rs, "first_at"), instant(rs, "last_at"),
                        rs.getString("headline"), rs.getInt("posts"), rs.getInt("authors"), rs.getLong("engagement"),
                        rs.getDouble("negative_share")))
                .list().forEach(rows::add);
        return rows;
    }

    /** The posts of one topic, newest first, at most {@code limit}; authors masked. */
    public List<PostRow> posts(String topicId, int limit) {
        return jdbc.sql("""
                select s.name, p.url, p.author_handle, p.title, p.posted_at, p.likes + p.opposes + p.replies + p.reposts
                from opinion_post p join opinion_source s on s.id = p.source_id
                where p.topic_id = ? order by p.posted_at desc fetch first ? rows only""")
                .params(topicId, limit)
                .query((rs, n) -> new PostRow(rs.getString(1), rs.getString(2), Masking.name(rs.getString(3)),
                        rs.getString(4), instant(rs, "posted_at"), rs.getLong(6)))
                .list();
    }

    private void saveTopic(String id, TopicStats s) {
        double heat = settings.heatFormula().heat(s);
        WarningLevel level = WarningLevel.of(heat, settings.thresholds());
        String headline = s.headline().length() > 300 ? s.headline().substring(0, 300) : s.headline();
        int updated = jdbc.sql("""
                update opinion_topic set first_at = ?, last_at = ?, posts = ?, authors = ?, engagement = ?,
                    negative_share = ?, heat = ?, level = ?, headline = ?, updated_at = ? where id = ?""")
                .params(ts(s.first()), ts(s.last()), s.posts(), s.authors(), s.engagement(), s.negativeShare(), heat,
                        level.name(), headline, ts(clock.instant()), id)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into opinion_topic (id, headline, first_at, last_at, posts, authors, engagement,
                        negative_share, heat, level, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, headline, ts(s.first()), ts(s.last()), s.posts(), s.authors(), s.engagement(),
                            s.negativeShare(), heat, level.name(), ts(clock.instant()))
                    .update();
        }
    }

    /** Reads the posts of the window back (bounded by the window's length) the first time after a start. */
    private void ensureWindow() {
        if (clusterer != null) {
            return;
        }
        clusterer = TopicClusterer.streaming(settings.clustering(), p -> newTopicId());
        Instant since = clock.instant().minus(settings.window());
        jdbc.sql("""
                select source_id, external_id, author_handle, title, body, posted_at, negative, topic_id,
                    likes + opposes + replies + reposts as engagement
                from opinion_post where posted_at >= ? order by posted_at""")
                .params(ts(since))
                .query(rs -> {
                    String id = rs.getLong("source_id") + ":" + rs.getString("external_id");
                    String author = rs.getString("author_handle");
                    PostText text = new PostText(id, rs.getString("title"), rs.getString("body"),
                            instant(rs, "posted_at"), author == null ? id : author, rs.getLong("engagement"));
                    String topic = rs.getString("topic_id");
                    clusterer.restore(text, topic);
                    live.computeIfAbsent(topic, t -> new TopicStats()).add(text, rs.getBoolean("negative"));
                });
    }

    private String newTopicId() {
        // time-ordered and unique across restarts: the start of the district day's clock plus a sequence
        return String.format(Locale.ROOT, "OT%d%04d", clock.millis() / 1000, topicSequence.incrementAndGet() % 10000);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
