package cn.civicloop.cameras.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code cameras_footage_request} and its history. */
@Repository
public class FootageStore {

    /** A line of a request's history. */
    public record Entry(Instant at, String actor, String action, String detail) {
    }

    private final JdbcClient jdbc;

    FootageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String kind, String ref, List<String> cameras, Instant from, Instant to, String purpose, String by,
            String byName, Long departmentId, Instant at, Instant due) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cameras_footage_request (subject_kind, subject_ref, camera_codes, span_from, span_to,
                    purpose, requested_by, requester_name, department_id, requested_at, due_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(kind, ref, String.join(",", cameras), ts(from), ts(to), purpose, by, byName, departmentId,
                        ts(at), ts(due))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Records the answer if the request is still open at {@code version}; false when it was answered meanwhile. */
    boolean answer(long id, int version, String status, String archiveRef, Instant from, Instant to, String text,
            String by, Instant at) {
        return jdbc.sql("""
                update cameras_footage_request set status = ?, archive_ref = ?, answer_from = ?, answer_to = ?,
                    answer_text = ?, answered_by = ?, answered_at = ?, version = version + 1
                where id = ? and version = ? and status = 'OPEN'""")
                .params(status, archiveRef, ts(from), ts(to), text, by, ts(at), id, version).update() == 1;
    }

    Optional<FootageRequest> find(long id, Instant now) {
        return jdbc.sql("select * from cameras_footage_request where id = ?").param(id).query(row(now)).optional();
    }

    List<FootageRequest> ofSubject(String kind, String ref, Instant now) {
        return jdbc.sql("""
                select * from cameras_footage_request where subject_kind = ? and subject_ref = ?
                order by requested_at desc, id desc""").params(kind, ref).query(row(now)).list();
    }

    /** Newest first; {@code departmentId} and {@code by} narrow to a department's or a person's, null for all. */
    List<FootageRequest> newest(Long departmentId, String by, boolean openOnly, int limit, Instant now) {
        String where = "where 1 = 1" + (openOnly ? " and status = 'OPEN'" : "")
                + (departmentId != null ? " and department_id = :department" : "")
                + (by != null ? " and requested_by = :by" : "");
        var spec = jdbc.sql("select * from cameras_footage_request " + where
                + " order by requested_at desc, id desc fetch first :limit rows only").param("limit", limit);
        if (departmentId != null) {
            spec = spec.param("department", departmentId);
        }
        if (by != null) {
            spec = spec.param("by", by);
        }
        return spec.query(row(now)).list();
    }

    void history(long id, Instant at, String actor, String action, String detail) {
        jdbc.sql("insert into cameras_footage_history (request_id, at, actor, action, detail) values (?, ?, ?, ?, ?)")
                .params(id, ts(at), actor, action, detail).update();
    }

    List<Entry> history(long id) {
        return jdbc.sql("select at, actor, action, detail from cameras_footage_history where request_id = ? order by at, id")
                .param(id)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    private static RowMapper<FootageRequest> row(Instant now) {
        return (rs, n) -> {
            String status = rs.getString("status");
            Instant due = instant(rs, "due_at");
            long department = rs.getLong("department_id");
            Long departmentId = rs.wasNull() ? null : department;
            return new FootageRequest(rs.getLong("id"), rs.getString("subject_kind"), rs.getString("subject_ref"),
                    Arrays.asList(rs.getString("camera_codes").split(",")), instant(rs, "span_from"),
                    instant(rs, "span_to"), rs.getString("purpose"), rs.getString("requested_by"),
                    rs.getString("requester_name"), departmentId, instant(rs, "requested_at"), due, status,
                    rs.getString("archive_ref"), instant(rs, "answer_from"), instant(rs, "answer_to"),
                    rs.getString("answer_text"), rs.getString("answered_by"), instant(rs, "answered_at"),
                    rs.getInt("version"), "OPEN".equals(status) && due.isBefore(now));
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
