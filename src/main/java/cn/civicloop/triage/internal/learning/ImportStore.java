package cn.civicloop.triage.internal.learning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code triage_import} and {@code triage_example}. */
@Repository
class ImportStore {

    private static final String COLUMNS = "id, file_name, source, format, encoding, mapping, status, rows_read, rows_stored,"
            + " duplicates, bad_rows, cancel_requested, report, created_by, created_at, finished_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    ImportStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    long create(String fileName, String source, String encoding, ColumnMapping mapping, String actor, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into triage_import (file_name, source, format, encoding, mapping, status, created_by, created_at,"
                + " heartbeat_at) values (?, ?, '', ?, ?, 'CREATED', ?, ?, ?)")
                .params(fileName, source, encoding, json.writeValueAsString(mapping), actor, Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Moves a CREATED import to RUNNING; false when it was not CREATED (started already, or ended). */
    boolean start(long id, String format, String encoding, Instant now) {
        return jdbc.sql("update triage_import set status = 'RUNNING', format = ?, encoding = ?, heartbeat_at = ?"
                + " where id = ? and status = 'CREATED'")
                .params(format, encoding, Timestamp.from(now), id).update() == 1;
    }

    void insert(long importId, List<RowCheck.Example> batch) {
        template.batchUpdate("insert into triage_example (import_id, line_no, title, content, label, department, occurred_on)"
                + " values (?, ?, ?, ?, ?, ?, ?)", batch, batch.size(), (ps, e) -> {
                    ps.setLong(1, importId);
                    ps.setLong(2, e.line());
                    ps.setString(3, e.title());
                    ps.setString(4, e.content());
                    ps.setString(5, e.label());
                    ps.setString(6, e.department());
                    ps.setDate(7, e.occurredOn() == null ? null : Date.valueOf(e.occurredOn()));
                });
    }

    /** Records the progress and tells whether the admin asked to cancel. */
    boolean progress(long id, long read, long stored, long duplicates, long bad, Instant now) {
        jdbc.sql("update triage_import set rows_read = ?, rows_stored = ?, duplicates = ?, bad_rows = ?, heartbeat_at = ?"
                + " where id = ?").params(read, stored, duplicates, bad, Timestamp.from(now), id).update();
        return jdbc.sql("select cancel_requested from triage_import where id = ?").param(id).query(Boolean.class).single();
    }

    void finish(long id, ImportStatus status, long read, long stored, long duplicates, long bad, ImportReport report,
            Instant now) {
        if (status != ImportStatus.DONE) {
            deleteExamples(id);
            stored = 0;
        }
        jdbc.sql("update triage_import set status = ?, rows_read = ?, rows_stored = ?, duplicates = ?, bad_rows = ?,"
                + " report = ?, finished_at = ?, heartbeat_at = ? where id = ?")
                .params(status.name(), read, stored, duplicates, bad, json.writeValueAsString(report),
                        Timestamp.from(now), Timestamp.from(now), id)
                .update();
    }

    boolean requestCancel(long id) {
        return jdbc.sql("update triage_import set cancel_requested = true where id = ? and status in ('CREATED', 'RUNNING')")
                .param(id).update() == 1;
    }

    /** Imports whose instance stopped reporting: their rows are removed and they are marked failed. */
    void failStale(Instant staleBefore, Instant now) {
        List<Long> stale = jdbc.sql("select id from triage_import where status in ('RUNNING', 'CREATED') and heartbeat_at < ?")
                .param(Timestamp.from(staleBefore)).query(Long.class).list();
        for (long id : stale) {
            deleteExamples(id);
            jdbc.sql("update triage_import set status = 'FAILED', rows_stored = 0, finished_at = ? where id = ?"
                    + " and status in ('RUNNING', 'CREATED')").params(Timestamp.from(now), id).update();
        }
    }

    Optional<ImportView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_import where id = ?").param(id).query(this::view).optional();
    }

    /** The newest uploads first. */
    List<ImportView> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from triage_import order by created_at desc, id desc fetch first ? rows only")
                .param(limit).query(this::view).list();
    }

    private void deleteExamples(long id) {
        jdbc.sql("delete from triage_example where import_id = ?").param(id).update();
    }

    private ImportView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String report = rs.getString("report");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportView(rs.getLong("id"), rs.getString("file_name"), rs.getString("source"),
                rs.getString("format"), rs.getString("encoding"), rs.getString("mapping"),
                ImportStatus.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("rows_stored"),
                rs.getLong("duplicates"), rs.getLong("bad_rows"), rs.getBoolean("cancel_requested"),
                report == null ? null : json.readValue(report, ImportReport.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
