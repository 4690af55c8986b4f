package cn.civicloop.opinion.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.opinion.WarningLevel;
import cn.civicloop.shared.Masking;
import cn.civicloop.shared.Text;

/**
 * Stores posts and places them in topics as they arrive, keeping each topic's heat, level and negative share up to
 * date, and answers the board's top-N. One writer at a time (the clusterer's window is in memory); the window is
 * read back from the database on first use after a start, so a restart does not split running topics.
 */
@Service
public class TopicBoard {

    /** One row of the top-N table. Author handles never leave this class unmasked. */
    public record TopicRow(int rank, String id, double heat, WarningLevel level, Instant firstAt, Instant lastAt,
            String headline, int posts, int authors, long engagement, double negativeShare, int cases) {
    }

    /** A case of a topic: its number, channel and title (the rest is read from the case by who may). */
    public record CaseRow(String number, String channel, String title, Instant openedAt) {
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
    private final LiveTopics live = new LiveTopics();
    private final TopicAlerts alerts;
    private final TopicDays days;
    private final JdbcTemplate batches;
    private final PostPlaces places;
    private final TransactionTemplate transactions;

    TopicBoard(JdbcClient jdbc, JdbcTemplate batches, OpinionProperties settings, Clock clock, TopicAlerts alerts,
            TopicDays days, PostPlaces places, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batches = batches;
        this.places = places;
        this.days = days;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores a batch of a source's posts and places the new ones in topics, in one transaction. The place
     * names are geocoded before the one writer's lock is taken; under it, the batch's ids are checked with one query,
     * its posts inserted with one JDBC batch, and each touched topic and topic-day written once.
     */
    public Outcome ingest(long sourceId, List<IncomingPost> batch) {
        Map<String, PostPlaces.Point> points = places.locate(batch);
        return alone(() -> store(sourceId, batch, points));
    }

    /**
     * Runs {@code work} in a transaction of its own, one writer at a time, and holds the lock until that transaction
     * has committed. Released before the commit, the next batch could not see a topic the previous one had just
     * created, inserted it a second time and failed whole on the key (409, its posts not stored). A transaction that
     * fails leaves the window in memory ahead of the database: it is read back afresh on the next use.
     */
    private synchronized <T> T alone(java.util.function.Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (RuntimeException | Error e) {
            clusterer = null;
            live.clear();
            throw e;
        }
    }

    private Outcome store(long sourceId, List<IncomingPost> batch, Map<String, PostPlaces.Point> points) {
        ensureWindow();
        Set<String> skip = knownIds(sourceId, batch);
        TopicWrites writes = new TopicWrites();
        List<Object[]> rows = new ArrayList<>();
        java.sql.Timestamp received = ts(clock.instant());
        for (IncomingPost in : batch) {
            if (!skip.add(in.externalId())) {
                continue; // stored before, or earlier in this batch
            }
            PostText text = new PostText(sourceId + ":" + in.externalId(), in.title(), in.text(), in.at(),
                    in.author() == null || in.author().isBlank() ? sourceId + ":" + in.externalId() : in.author(),
                    in.engagement());
            boolean negative = NegativeWords.negative(in.title(), in.text());
            String topic = place(text, negative, false, writes);
            PostPlaces.Point point = in.place() == null ? null : points.get(in.place());
            rows.add(new Object[] {sourceId, in.externalId(), in.url(), in.author(), in.title(), in.text(),
                    ts(in.at()), in.likes(), in.opposes(), in.replies(), in.reposts(), in.place(), negative, topic,
                    received, point == null ? null : point.lat(), point == null ? null : point.lon(),
                    point == null ? null : point.label()});
            writes.days().addPost(topic, in.at());
        }
        // topics first: the posts refer to them
        saveTopics(writes);
        batches.batchUpdate("""
                insert into opinion_post (source_id, external_id, url, author_handle, title, body, posted_at, likes,
                    opposes, replies, reposts, place, negative, topic_id, received_at, lat, lon, place_label)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        days.add(writes.days());
        forgetColdTopics();
        return new Outcome(rows.size(), batch.size() - rows.size(), writes.ids());
    }

    /** The batch's post ids this source has stored already: one query per thousand ids. */
    private Set<String> knownIds(long sourceId, List<IncomingPost> batch) {
        List<String> ids = batch.stream().map(IncomingPost::externalId).distinct().toList();
        Set<String> known = new HashSet<>();
        for (int from = 0; from < ids.size(); from += KNOWN_CHUNK) {
            known.addAll(jdbc.sql("select external_id from opinion_post where source_id = :source and external_id in (:ids)")
                    .param("source", sourceId).param("ids", ids.subList(from, Math.min(ids.size(), from + KNOWN_CHUNK)))
                    .query(String.class).list());
        }
        return known;
    }

    private static final int KNOWN_CHUNK = 1000;

    /**
     * Places a case of any channel in a topic as one more post: it counts in volume and, as its own reporter, in
     * distinct authors; it has no engagement. A case placed before changes nothing.
     *
     * @return the topic, or empty when the case was placed already
     */
    public java.util.Optional<String> placeCase(String number, String channel, String title, String content,
            Instant openedAt) {
        return alone(() -> storeCase(number, channel, title, content, openedAt));
    }

    private java.util.Optional<String> storeCase(String number, String channel, String title, String content,
            Instant openedAt) {
        ensureWindow();
        boolean known = jdbc.sql("select count(*) from opinion_case where case_number = ?").param(number)
                .query(Long.class).single() > 0;
        if (known) {
            return java.util.Optional.empty();
        }
        // a resident may write his phone number into his words: the copy kept here leaves out long digit runs, as
        // the cases' search terms do, so that it never becomes a second, unsealed copy of personal data
        String words = withoutLongNumbers(title);
        PostText text = new PostText("case:" + number, words, withoutLongNumbers(content), openedAt, "case:" + number, 0);
        TopicWrites writes = new TopicWrites();
        String topic = place(text, NegativeWords.negative(title, content), true, writes);
        saveTopics(writes);
        jdbc.sql("insert into opinion_case (case_number, topic_id, channel, title, opened_at) values (?, ?, ?, ?, ?)")
                .params(number, topic, channel, cut(words, 300), ts(openedAt)).update();
        writes.days().addCase(topic, openedAt);
        days.add(writes.days());
        forgetColdTopics();
        return java.util.Optional.of(topic);
    }

    /**
     * Places one post or case in a topic, in memory: the topic's figures are written when the batch is stored. The
     * level is computed after each one so that a level reached on the way is not missed.
     */
    private String place(PostText text, boolean negative, boolean isCase, TopicWrites writes) {
        String topic = clusterer.add(text);
        TopicStats stats = live.add(topic, text, negative);
        if (isCase) {
            stats.addCase();
        }
        double heat = settings.heatFormula().heat(stats);
        writes.touch(topic, stats, heat, WarningLevel.of(heat, settings.thresholds()));
        return topic;
    }

    private static String withoutLongNumbers(String text) {
        return Text.replaceLongNumbers(text, number -> "…");
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? (text == null ? "" : text) : text.substring(0, max);
    }

    /**
     * Topics whose last post left the clusterer's window (the window before the latest post seen) can no longer be
     * joined: their figures stay in the table, not in memory.
     */
    private void forgetColdTopics() {
        live.forgetCold(settings.farWindow());
    }

    /** The hottest topics whose last post is within the board window, hottest first. */
    public List<TopicRow> top(int limit) {
        Instant since = clock.instant().minus(settings.boardWindow());
        List<TopicRow> rows = new ArrayList<>();
        jdbc.sql(TOPIC_COLUMNS + "where last_at >= ? order by heat desc, last_at desc, id fetch first ? rows only")
                .params(ts(since), limit)
                .query((rs, n) -> topicRow(rs, n + 1))
                .list().forEach(rows::add);
        return rows;
    }

    private static final String TOPIC_COLUMNS = """
            select id, heat, level, first_at, last_at, headline, posts, authors, engagement, negative_share, cases
            from opinion_topic\s""";

    /** One topic by id, ranked 0 (not ranked). */
    public java.util.Optional<TopicRow> topic(String id) {
        return jdbc.sql(TOPIC_COLUMNS + "where id = ?").param(id).query((rs, n) -> topicRow(rs, 0)).optional();
    }

    private static TopicRow topicRow(java.sql.ResultSet rs, int rank) throws java.sql.SQLException {
        return new TopicRow(rank, rs.getString("id"), rs.getDouble("heat"), WarningLevel.valueOf(rs.getString("level")),
                instant(rs, "first_at"), instant(rs, "last_at"), rs.getString("headline"), rs.getInt("posts"),
                rs.getInt("authors"), rs.getLong("engagement"), rs.getDouble("negative_share"), rs.getInt("cases"));
    }

    /** The cases of one topic, newest first, at most {@code limit}. */
    public List<CaseRow> cases(String topicId, int limit) {
        return jdbc.sql("""
                select case_number, channel, title, opened_at from opinion_case where topic_id = ?
                order by opened_at desc fetch first ? rows only""")
                .params(topicId, limit)
                .query((rs, n) -> new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, "opened_at")))
                .list();
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

    /**
     * Writes each touched topic's figures with one batched update, inserts the topics the update did not find, and
     * raises the alerts of the levels reached.
     */
    private void saveTopics(TopicWrites writes) {
        java.sql.Timestamp now = ts(clock.instant());
        List<TopicWrites.Touched> touched = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (TopicWrites.Touched t : writes.all()) {
            TopicStats s = t.stats;
            double heat = settings.heatFormula().heat(s);
            touched.add(t);
            rows.add(new Object[] {ts(s.first()), ts(s.last()), s.posts(), s.authors(), s.engagement(),
                    s.negativeShare(), heat, WarningLevel.of(heat, settings.thresholds()).name(), headline(s),
                    s.cases(), now, t.id});
        }
        int[] updated = batches.batchUpdate("""
                update opinion_topic set first_at = ?, last_at = ?, posts = ?, authors = ?, engagement = ?,
                    negative_share = ?, heat = ?, level = ?, headline = ?, cases = ?, updated_at = ? where id = ?""",
                rows);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                Object[] r = rows.get(i);
                inserts.add(new Object[] {r[11], r[8], r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[9], r[10]});
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate("""
                    insert into opinion_topic (id, headline, first_at, last_at, posts, authors, engagement,
                        negative_share, heat, level, cases, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    inserts);
        }
        for (TopicWrites.Touched t : touched) {
            if (t.highest.compareTo(t.stats.alerted()) > 0) {
                t.stats.alerted(alerts.raise(t.id, headline(t.stats), t.stats.alerted(), t.highest, t.heatAtHighest));
            }
        }
    }

    private static String headline(TopicStats s) {
        return s.headline().length() > 300 ? s.headline().substring(0, 300) : s.headline();
    }

    /** Reads the posts of the window back (bounded by the window's length) the first time after a start. */
    private void ensureWindow() {
        if (clusterer != null) {
            return;
        }
        clusterer = TopicClusterer.streaming(settings.clustering(), p -> newTopicId());
        Instant since = clock.instant().minus(settings.farWindow());
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
                    live.add(topic, text, rs.getBoolean("negative"));
                });
        jdbc.sql("select case_number, topic_id, title, opened_at from opinion_case where opened_at >= ? order by opened_at")
                .params(ts(since))
                .query(rs -> {
                    String id = "case:" + rs.getString("case_number");
                    PostText text = new PostText(id, rs.getString("title"), "", instant(rs, "opened_at"), id, 0);
                    String topic = rs.getString("topic_id");
                    clusterer.restore(text, topic);
                    live.add(topic, text, false).addCase();
                });
        // alerts already raised stay raised: a restart must not alert the officers a second time
        jdbc.sql("""
                select a.topic_id, a.level from opinion_alert a join opinion_topic t on t.id = a.topic_id
                where t.last_at >= ?""").params(ts(since)).query(rs -> {
            TopicStats stats = live.get(rs.getString("topic_id"));
            WarningLevel level = WarningLevel.valueOf(rs.getString("level"));
            if (stats != null && level.compareTo(stats.alerted()) > 0) {
                stats.alerted(level);
            }
        });
    }

    private String newTopicId() {
        // time-ordered and unique across restarts: the start of the district day's clock plus a sequence
        // built by hand: String.format was a few per cent of the ingest's CPU (JFR)
        String sequence = Long.toString(10000 + topicSequence.incrementAndGet() % 10000).substring(1);
        return "OT" + clock.millis() / 1000 + sequence;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
