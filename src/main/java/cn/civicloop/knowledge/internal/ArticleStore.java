package cn.civicloop.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.classifier.SearchTerms;

/**
 * The {@code knowledge_article} rows and their history. Every write takes the next index revision (one locked row),
 * stores the article's search terms (ADR 0020 column form) and copies the new state into the history.
 */
@Repository
class ArticleStore {

    private static final String COLUMNS = "id, title, body_html, category, department_id, valid_from, valid_until, "
            + "source_document, status, version, changed_by, changed_at, approved_by, approved_at";

    /** A row of the search index: what a search needs to rank and show an article. */
    record Indexed(long id, int version, String title, String category, Long departmentId, LocalDate validFrom,
            LocalDate validUntil, ArticleStatus status, String terms, String excerpt, long revision) {
    }

    /** One version of an article's history. */
    record Version(int version, String title, String category, ArticleStatus status, String changedBy,
            Instant changedAt, String note) {
    }

    private final JdbcClient jdbc;

    ArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Article> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_article where id = ?").param(id)
                .query(ArticleStore::article).optional();
    }

    /** The article as it was at {@code version}. */
    Optional<Article> find(long id, int version) {
        return jdbc.sql("""
                select article_id as id, title, body_html, category, department_id, valid_from, valid_until,
                    source_document, status, version, changed_by, changed_at, null as approved_by, null as approved_at
                from knowledge_article_version where article_id = ? and version = ?""").params(id, version)
                .query(ArticleStore::article).optional();
    }

    /** Newest changes first, {@code limit} at most; {@code departmentId} null for all. */
    List<Article> list(Long departmentId, ArticleStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_article where (cast(? as bigint) is null or department_id = ?)"
                + " and (cast(? as varchar) is null or status = ?) order by changed_at desc, id desc limit ?")
                .params(departmentId, departmentId, status == null ? null : status.name(),
                        status == null ? null : status.name(), limit)
                .query(ArticleStore::article).list();
    }

    List<Version> history(long id) {
        return jdbc.sql("""
                select version, title, category, status, changed_by, changed_at, note from knowledge_article_version
                where article_id = ? order by version desc""").param(id)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3),
                        ArticleStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getString(7))).list();
    }

    long insert(ArticleDraft d, String html, ArticleStatus status, String by, Instant at) {
        long revision = nextRevision();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into knowledge_article (title, body_html, category, department_id, valid_from, valid_until,
                    source_document, status, version, terms, excerpt, revision, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)""")
                .params(d.title(), html, d.category(), d.departmentId(), d.validFrom(), d.validUntil(),
                        d.sourceDocument(), status.name(), terms(d.title(), html), excerpt(html), revision, by,
                        Timestamp.from(at))
                .update(key, "id");
        long id = key.getKey().longValue();
        copyToHistory(id, d.note());
        return id;
    }

    /** Writes the change if the row is still at {@code expectedVersion}; false when someone changed it first. */
    boolean update(long id, int expectedVersion, ArticleDraft d, String html, ArticleStatus status, String by,
            Instant at) {
        long revision = nextRevision();
        int n = jdbc.sql("""
                update knowledge_article set title = ?, body_html = ?, category = ?, department_id = ?, valid_from = ?,
                    valid_until = ?, source_document = ?, status = ?, version = version + 1, terms = ?, excerpt = ?,
                    revision = ?,
                    changed_by = ?, changed_at = ?, approved_by = null, approved_at = null
                where id = ? and version = ?""")
                .params(d.title(), html, d.category(), d.departmentId(), d.validFrom(), d.validUntil(),
                        d.sourceDocument(), status.name(), terms(d.title(), html), excerpt(html), revision, by,
                        Timestamp.from(at), id, expectedVersion)
                .update();
        if (n == 1) {
            copyToHistory(id, d.note());
        }
        return n == 1;
    }

    /** Changes the status only (approval, withdrawal) if still at {@code expectedVersion}. */
    boolean setStatus(long id, int expectedVersion, ArticleStatus status, String by, Instant at, String note) {
        long revision = nextRevision();
        boolean approval = status == ArticleStatus.APPROVED;
        int n = jdbc.sql("""
                update knowledge_article set status = ?, version = version + 1, revision = ?, changed_by = ?,
                    changed_at = ?, approved_by = ?, approved_at = ? where id = ? and version = ?""")
                .params(status.name(), revision, by, Timestamp.from(at), approval ? by : null,
                        approval ? Timestamp.from(at) : null, id, expectedVersion)
                .update();
        if (n == 1) {
            copyToHistory(id, note);
        }
        return n == 1;
    }

    /** The rows changed after {@code revision}, for the search index. */
    List<Indexed> changedSince(long revision) {
        return jdbc.sql("""
                select id, version, title, category, department_id, valid_from, valid_until, status, terms, excerpt,
                    revision from knowledge_article where revision > ? order by revision""").param(revision)
                .query((rs, n) -> new Indexed(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), ArticleStatus.valueOf(rs.getString(8)), rs.getString(9),
                        rs.getString(10), rs.getLong(11)))
                .list();
    }

    long lastRevision() {
        return jdbc.sql("select revision from knowledge_revision where id = 1").query(Long.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from knowledge_article").query(Long.class).single();
    }

    static String terms(String title, String html) {
        return SearchTerms.column(SearchTerms.of(title + "\n" + ArticleHtml.text(html)));
    }

    static String excerpt(String html) {
        String text = ArticleHtml.text(html).replace('\n', ' ');
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    private long nextRevision() {
        jdbc.sql("update knowledge_revision set revision = revision + 1 where id = 1").update();
        return lastRevision();
    }

    private void copyToHistory(long id, String note) {
        jdbc.sql("""
                insert into knowledge_article_version (article_id, version, title, body_html, category, department_id,
                    valid_from, valid_until, source_document, status, changed_by, changed_at, note)
                select id, version, title, body_html, category, department_id, valid_from, valid_until,
                    source_document, status, changed_by, changed_at, cast(? as varchar(300))
                from knowledge_article where id = ?""")
                .params(note, id).update();
    }

    private static Article article(ResultSet rs, int n) throws SQLException {
        Timestamp approved = rs.getTimestamp("approved_at");
        return new Article(rs.getLong("id"), rs.getString("title"), rs.getString("body_html"),
                rs.getString("category"), rs.getObject("department_id", Long.class),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("source_document"), ArticleStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), rs.getString("approved_by"),
                approved == null ? null : approved.toInstant());
    }
}
