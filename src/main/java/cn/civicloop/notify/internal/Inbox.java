package cn.civicloop.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff inbox (站内信): letters addressed to one staff member each. */
@Repository
public class Inbox {

    /** A letter as its owner sees it. */
    public record Item(long id, String caseNumber, String kind, String title, String body, Instant createdAt,
            Instant readAt) {
    }

    /** One page of a staff member's inbox, newest first, with the count of all his unread letters. */
    public record Page(List<Item> items, int page, int size, long total, long unread) {
    }

    private static final String COLUMNS = "select id, case_number, kind, title, body, created_at, read_at from notify_inbox ";

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a letter; a second letter for the same staff member and event is ignored. */
    void add(long staffId, String caseNumber, String kind, String title, String body, String sourceEvent,
            Instant createdAt) {
        jdbc.sql("""
                insert into notify_inbox (staff_id, case_number, kind, title, body, source_event, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(staffId, caseNumber, kind, title, body, sourceEvent, Timestamp.from(createdAt)).update();
    }

    public Page page(long staffId, boolean unreadOnly, int page, int size) {
        String filter = "where staff_id = :staff" + (unreadOnly ? " and read_at is null " : " ");
        List<Item> items = jdbc.sql(COLUMNS + filter + "order by id desc limit :size offset :offset")
                .param("staff", staffId).param("size", size).param("offset", (long) page * size)
                .query(Inbox::item).list();
        long total = count(filter, staffId);
        long unread = unreadOnly ? total : count("where staff_id = :staff and read_at is null ", staffId);
        return new Page(items, page, size, total, unread);
    }

    /** Marks the staff member's own letter read (the first reading counts); empty if it is not his. */
    public Optional<Item> markRead(long staffId, long id, Instant now) {
        jdbc.sql("update notify_inbox set read_at = coalesce(read_at, ?) where id = ? and staff_id = ?")
                .params(Timestamp.from(now), id, staffId).update();
        return jdbc.sql(COLUMNS + "where id = ? and staff_id = ?").params(id, staffId).query(Inbox::item).optional();
    }

    private long count(String filter, long staffId) {
        return jdbc.sql("select count(*) from notify_inbox " + filter).param("staff", staffId)
                .query(Long.class).single();
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Item(rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"), rs.getString("title"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
