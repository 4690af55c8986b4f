package cn.civicloop.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.planning.RunStatus;

/** The runs in {@code planning_run}: parameters and figures as JSON text, status changes guarded by the status. */
@Repository
class RunStore {

    /** A run as stored; {@code result} is null in lists (read one run for its figures). */
    record StoredRun(long id, RunStatus status, String requestedBy, Instant requestedAt, Instant startedAt,
            Instant finishedAt, String cancelledBy, String parameters, String result, String error) {
    }

    private static final String LIST_COLUMNS = "id, status, requested_by, requested_at, started_at, finished_at, "
            + "cancelled_by, parameters, error";

    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertRunning(String requestedBy, Instant at, String parameters) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into planning_run (requested_by, requested_at, status, parameters, started_at) values (?, ?, ?, ?, ?)")
                .params(requestedBy, Timestamp.from(at), RunStatus.RUNNING.name(), parameters, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Writes the outcome of a run that is still RUNNING; false when it was not (e.g. marked abandoned meanwhile). */
    boolean finish(long id, RunStatus status, Instant at, String result, String error) {
        return jdbc.sql("update planning_run set status = ?, finished_at = ?, result = ?, error = ? "
                + "where id = ? and status = ?").params(status.name(), Timestamp.from(at), result,
                        error == null ? null : error.substring(0, Math.min(500, error.length())), id,
                        RunStatus.RUNNING.name()).update() == 1;
    }

    /** Asks a RUNNING run to stop, recording who asked; false when it is not running. */
    boolean requestCancel(long id, String by) {
        return jdbc.sql("update planning_run set cancel_requested = true, cancelled_by = ? where id = ? and status = ?")
                .params(by, id, RunStatus.RUNNING.name()).update() == 1;
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from planning_run where id = ?").param(id).query(Boolean.class)
                .optional().orElse(false);
    }

    Optional<StoredRun> get(long id) {
        return jdbc.sql("select " + LIST_COLUMNS + ", result from planning_run where id = ?").param(id)
                .query((rs, n) -> map(rs, rs.getString("result"))).optional();
    }

    /** Newest first, without the figures. */
    List<StoredRun> recent(int limit) {
        return jdbc.sql("select " + LIST_COLUMNS + " from planning_run order by requested_at desc, id desc limit ?")
                .param(limit).query((rs, n) -> map(rs, null)).list();
    }

    int deleteRequestedBefore(Instant before) {
        return jdbc.sql("delete from planning_run where requested_at < ? and status <> ?")
                .params(Timestamp.from(before), RunStatus.RUNNING.name()).update();
    }

    private static StoredRun map(ResultSet rs, String result) throws SQLException {
        return new StoredRun(rs.getLong("id"), RunStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                at(rs, "requested_at"), at(rs, "started_at"), at(rs, "finished_at"), rs.getString("cancelled_by"),
                rs.getString("parameters"), result,
                rs.getString("error"));
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
