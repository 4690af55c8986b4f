package cn.civicloop.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code media_item} and its history. */
@Repository
public class ItemStore {

    /** A line of an item's history. */
    public record Entry(Instant at, String actor, String action, String reason) {
    }

    /** The history's actor when the timer escalates an item. */
    static final String SYSTEM = "system";
    /** The reason the timer's escalation held in earlier rows, which its action's label now says. */
    private static final String EARLIER_ESCALATION_REASON = "逾期未回应";

    private final JdbcClient jdbc;

    ItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String subject, String caseNumber, long departmentId, String title, String body, String openedBy,
            Instant openedAt, Instant dueAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into media_item (subject, case_number, department_id, title, body, status, opened_by,
                    opened_at, due_at) values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(subject, caseNumber, departmentId, title, body, openedBy, ts(openedAt), ts(dueAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Item> find(long id) {
        return jdbc.sql("select * from media_item where id = ?").param(id).query(ItemStore::row).optional();
    }

    List<Item> newest(int limit) {
        return jdbc.sql("select * from media_item order by opened_at desc, id desc fetch first ? rows only")
                .param(limit).query(ItemStore::row).list();
    }

    List<Item> ofDepartment(long departmentId, int limit) {
        return jdbc.sql("""
                select * from media_item where department_id = ?
                order by opened_at desc, id desc fetch first ? rows only""")
                .params(departmentId, limit).query(ItemStore::row).list();
    }

    /** Records the response if the item is still at {@code version}; false when someone changed it meanwhile. */
    boolean respond(long id, int version, String response, String by, Instant at) {
        return jdbc.sql("""
                update media_item set response = ?, responded_by = ?, responded_at = ?, status = 'RESPONDED',
                    version = version + 1 where id = ? and version = ?""")
                .params(response, by, ts(at), id, version).update() == 1;
    }

    boolean publish(long id, int version, Instant at) {
        return jdbc.sql("update media_item set published_at = ?, version = version + 1 where id = ? and version = ?")
                .params(ts(at), id, version).update() == 1;
    }

    /** Marks the item escalated if it is still awaiting its response; false when it was answered in time. */
    boolean escalate(long id, Instant at) {
        return jdbc.sql("""
                update media_item set status = 'ESCALATED', escalated_at = ?, version = version + 1
                where id = ? and status = 'OPEN'""")
                .params(ts(at), id).update() == 1;
    }

    void history(long itemId, Instant at, String actor, String action, String reason) {
        jdbc.sql("insert into media_item_history (item_id, at, actor, action, reason) values (?, ?, ?, ?, ?)")
                .params(itemId, ts(at), actor, action, reason).update();
    }

    List<Entry> history(long itemId) {
        return jdbc.sql("select at, actor, action, reason from media_item_history where item_id = ? order by at, id")
                .param(itemId)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        reason(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
    }

    /** A line's reason as written, but none for the timer's escalation of an earlier row (its label says it). */
    private static String reason(String actor, String action, String reason) {
        return SYSTEM.equals(actor) && "ESCALATED".equals(action) && EARLIER_ESCALATION_REASON.equals(reason) ? null
                : reason;
    }

    private static Item row(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("subject"), rs.getString("case_number"),
                rs.getLong("department_id"), rs.getString("title"), rs.getString("body"), rs.getString("status"),
                rs.getString("opened_by"), instant(rs, "opened_at"), instant(rs, "due_at"), rs.getString("response"),
                rs.getString("responded_by"), instant(rs, "responded_at"), instant(rs, "escalated_at"),
                instant(rs, "published_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
