package cn.civicloop.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.geo.GeoPoint;

/** Units, their officers and their status log in the database. */
@Repository
public class Units {

    private static final String COLUMNS = "code, call_sign, block_code, crew, terminal_username, status, status_since, "
            + "incident_id, last_lat, last_lon, last_fix_at";

    /** An officer of a unit. */
    public record Officer(String name, String kind) {
    }

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UnitRecord> all() {
        return jdbc.sql("select " + COLUMNS + " from dispatch_unit order by block_code, code").query(Units::map).list();
    }

    public Optional<UnitRecord> get(String code) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_unit where code = ?").param(code).query(Units::map).optional();
    }

    /** Locks the unit's row for a status change, so that two desks cannot dispatch the same unit at once. */
    public Optional<UnitRecord> lock(String code) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_unit where code = ? for update").param(code)
                .query(Units::map).optional();
    }

    public Optional<UnitRecord> byTerminal(String username) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_unit where terminal_username = ?").param(username)
                .query(Units::map).optional();
    }

    public List<Officer> officers(String unitCode) {
        return jdbc.sql("select name, kind from dispatch_officer where unit_code = ? order by id").param(unitCode)
                .query((rs, n) -> new Officer(rs.getString("name"), rs.getString("kind"))).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from dispatch_unit").query(Long.class).single() == 0;
    }

    void insert(UnitRecord u, List<Officer> officers) {
        jdbc.sql("insert into dispatch_unit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(u.code(), u.callSign(), u.blockCode(), u.crew(), u.terminalUsername(), u.status().name(),
                        Timestamp.from(u.statusSince()), u.incidentId(), u.position() == null ? null : u.position().lat(),
                        u.position() == null ? null : u.position().lon(), u.fixAt() == null ? null : Timestamp.from(u.fixAt()))
                .update();
        for (Officer o : officers) {
            jdbc.sql("insert into dispatch_officer (unit_code, name, kind) values (?, ?, ?)")
                    .params(u.code(), o.name(), o.kind()).update();
        }
    }

    /** Writes the new status and one line of the unit's log. */
    public void changeStatus(UnitRecord u, UnitAction action, UnitStatus to, Long incidentId, String actor, String reason,
            Instant at) {
        jdbc.sql("update dispatch_unit set status = ?, status_since = ?, incident_id = ? where code = ?")
                .params(to.name(), Timestamp.from(at), incidentId, u.code()).update();
        jdbc.sql("insert into dispatch_unit_log (unit_code, action, from_status, to_status, incident_id, actor, reason, occurred_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)").params(u.code(), action.name(), u.status().name(), to.name(),
                        incidentId != null ? incidentId : u.incidentId(), actor, reason, Timestamp.from(at)).update();
    }

    /** The unit's log, newest first. */
    public List<java.util.Map<String, Object>> log(String unitCode, int limit) {
        return jdbc.sql("select action, from_status, to_status, incident_id, actor, reason, occurred_at from dispatch_unit_log "
                + "where unit_code = ? order by id desc limit ?").params(unitCode, limit).query().listOfRows();
    }

    private static UnitRecord map(ResultSet rs, int n) throws SQLException {
        double lat = rs.getDouble("last_lat");
        boolean located = !rs.wasNull();
        Timestamp fix = rs.getTimestamp("last_fix_at");
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        return new UnitRecord(rs.getString("code"), rs.getString("call_sign"), rs.getString("block_code"),
                rs.getString("crew"), rs.getString("terminal_username"), UnitStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_since").toInstant(), incidentId,
                located ? new GeoPoint(lat, rs.getDouble("last_lon")) : null, fix == null ? null : fix.toInstant());
    }
}
