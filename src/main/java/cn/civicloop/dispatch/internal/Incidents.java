package cn.civicloop.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.shared.PersonalDataCipher;

/** Incidents, their calls, assignments and log in the database; callers and addresses stored sealed. */
@Repository
public class Incidents {

    private static final String COLUMNS = """
            id, number, line, incident_type, priority, status, summary, address, lat, lon, block_code, caller_name, \
            caller_phone, taken_by, commander_unit, received_at, entered_at, first_dispatched_at, first_enroute_at, \
            first_onscene_at, cleared_at, cancelled_at, diverted_at, closed_at, case_number, linkage_department""";

    /** A unit on an incident with the stamps of its own response. */
    public record Assignment(long id, long incidentId, String unitCode, String dispatchedBy, Instant dispatchedAt,
            Instant acknowledgedAt, Instant enrouteAt, Instant onsceneAt, Instant clearedAt, Instant cancelledAt,
            Double etaSeconds) {
        public boolean active() {
            return clearedAt == null && cancelledAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Incidents(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A new incident; {@code place} null when nobody knows yet where it is (placed later, see {@link #place}). */
    public long insert(String number, String line, IncidentType type, int priority, String summary, String address,
            GeoPoint place, String blockCode, String callerName, String callerPhone, String takenBy, Instant receivedAt,
            Instant enteredAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into dispatch_incident (number, line, incident_type, priority, status, summary, address, lat, lon, "
                + "block_code, caller_name, caller_phone, caller_phone_hash, taken_by, received_at, entered_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(number, line, type.name(), priority, IncidentStatus.OPEN.name(), summary, cipher.seal(address),
                        place == null ? null : place.lat(), place == null ? null : place.lon(), blockCode,
                        cipher.seal(callerName), cipher.seal(callerPhone), cipher.phoneHash(callerPhone), takenBy,
                        Timestamp.from(receivedAt),
                        Timestamp.from(enteredAt)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<IncidentRecord> get(long id) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_incident where id = ?").param(id).query(this::map).optional();
    }

    public Optional<IncidentRecord> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_incident where number = ?").param(number)
                .query(this::map).optional();
    }

    public Optional<IncidentRecord> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_incident where id = ? for update").param(id)
                .query(this::map).optional();
    }

    public Optional<IncidentRecord> byCase(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_incident where case_number = ?").param(caseNumber)
                .query(this::map).optional();
    }

    /**
     * Incidents not ended, plus those ended since {@code endedSince}: one index range per branch (status, then each
     * end stamp), never a scan of the whole history (a million incidents: 550 ms as one OR, 3 ms like this).
     */
    public List<IncidentRecord> current(Instant endedSince) {
        Timestamp since = Timestamp.from(endedSince);
        return jdbc.sql("select " + COLUMNS + " from dispatch_incident where status in ('OPEN','DISPATCHED','ON_SCENE','DIVERTED') "
                + "union all select " + COLUMNS + " from dispatch_incident where status = 'CLEARED' and cleared_at >= ? "
                + "union all select " + COLUMNS + " from dispatch_incident where status = 'CANCELLED' and cancelled_at >= ? "
                + "union all select " + COLUMNS + " from dispatch_incident where status = 'CLOSED' and closed_at >= ? "
                + "order by priority, received_at").params(since, since, since).query(this::map).list();
    }

    /** Incidents received since, for the response-time figures. */
    public List<IncidentRecord> since(Instant from) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_incident where received_at >= ? order by received_at")
                .param(Timestamp.from(from)).query(this::map).list();
    }

    public List<IncidentRecord> policeOpenSince(Instant from) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_incident where status in ('OPEN','DISPATCHED','ON_SCENE') "
                + "and received_at >= ? order by received_at desc").param(Timestamp.from(from)).query(this::map).list();
    }

    /** Sets the status and the named stamp column (only when still empty), and logs it. */
    public void transition(IncidentRecord i, IncidentAction action, IncidentStatus to, String stampColumn, Instant at,
            String actor, String note) {
        transition(i, action, to, stampColumn, at, null, actor, note);
    }

    /** The same, for a step of the linked case: {@code caseStatus} is the case's status after it. */
    public void transition(IncidentRecord i, IncidentAction action, IncidentStatus to, String stampColumn, Instant at,
            String caseStatus, String actor, String note) {
        if (stampColumn != null) {
            stampIfEmpty(i.id(), stampColumn, at);
        }
        jdbc.sql("update dispatch_incident set status = ? where id = ?").params(to.name(), i.id()).update();
        log(i.id(), action.name(), i.status().name(), to.name(), caseStatus, actor, note, at);
    }

    public void stampIfEmpty(long id, String column, Instant at) {
        jdbc.sql("update dispatch_incident set " + column + " = coalesce(" + column + ", ?) where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    public void setCommander(long id, String unitCode) {
        jdbc.sql("update dispatch_incident set commander_unit = ? where id = ?").params(unitCode, id).update();
    }

    /** Sets (or corrects) where the incident is, with its block and, when given, the address. */
    public void place(long id, GeoPoint place, String blockCode, String address) {
        jdbc.sql("update dispatch_incident set lat = ?, lon = ?, block_code = ?, address = coalesce(?, address) where id = ?")
                .params(place.lat(), place.lon(), blockCode, cipher.seal(address), id).update();
    }

    /** The case a diverted incident became and the agency it was first handed to (its state is the case's own). */
    public void setLinkage(long id, String caseNumber, String department) {
        jdbc.sql("update dispatch_incident set case_number = ?, linkage_department = ? where id = ?")
                .params(caseNumber, department, id).update();
    }

    public void log(long incidentId, String action, String from, String to, String actor, String note, Instant at) {
        log(incidentId, action, from, to, null, actor, note, at);
    }

    /** A line of the incident's log; {@code caseStatus} is the linked case's status after a step of its own. */
    public void log(long incidentId, String action, String from, String to, String caseStatus, String actor, String note,
            Instant at) {
        jdbc.sql("insert into dispatch_incident_log (incident_id, action, from_status, to_status, case_status, actor, note, "
                + "occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)").params(incidentId, action, from, to, caseStatus, actor,
                        note == null ? null : note.substring(0, Math.min(500, note.length())), Timestamp.from(at)).update();
    }

    /** The log in the order things happened (the linked case's steps arrive by events, possibly out of order). */
    public List<Map<String, Object>> logOf(long incidentId) {
        return jdbc.sql("select action, from_status, to_status, case_status, actor, note, occurred_at from dispatch_incident_log "
                + "where incident_id = ? order by occurred_at, id").param(incidentId).query().listOfRows();
    }

    public void addCall(long incidentId, String name, String phone, String summary, Instant at, String takenBy,
            boolean attached) {
        jdbc.sql("insert into dispatch_call (incident_id, caller_name, caller_phone, caller_phone_hash, summary, "
                + "received_at, taken_by, attached) values (?, ?, ?, ?, ?, ?, ?, ?)").params(incidentId,
                        cipher.seal(name), cipher.seal(phone), cipher.phoneHash(phone), summary, Timestamp.from(at), takenBy,
                        attached).update();
    }

    public List<Map<String, Object>> calls(long incidentId) {
        return jdbc.sql("select caller_name, caller_phone, summary, received_at, taken_by, attached from dispatch_call "
                + "where incident_id = ? order by id").param(incidentId).query().listOfRows().stream().map(row -> {
                    Map<String, Object> open = new java.util.LinkedHashMap<>(row);
                    open.put("caller_name", cipher.open((String) row.get("caller_name")));
                    open.put("caller_phone", cipher.open((String) row.get("caller_phone")));
                    return open;
                }).toList();
    }

    public long assign(long incidentId, String unitCode, String by, Instant at, Double eta) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into dispatch_assignment (incident_id, unit_code, dispatched_by, dispatched_at, eta_seconds) "
                + "values (?, ?, ?, ?, ?)").params(incidentId, unitCode, by, Timestamp.from(at), eta).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public List<Assignment> assignments(long incidentId) {
        return jdbc.sql("select * from dispatch_assignment where incident_id = ? order by id").param(incidentId)
                .query(Incidents::assignment).list();
    }

    public Optional<Assignment> activeAssignment(long incidentId, String unitCode) {
        return assignments(incidentId).stream().filter(a -> a.unitCode().equals(unitCode) && a.active()).findFirst();
    }

    public void stampAssignment(long assignmentId, String column, Instant at) {
        jdbc.sql("update dispatch_assignment set " + column + " = coalesce(" + column + ", ?) where id = ?")
                .params(Timestamp.from(at), assignmentId).update();
    }

    private static Assignment assignment(ResultSet rs, int n) throws SQLException {
        double eta = rs.getDouble("eta_seconds");
        Double etaSeconds = rs.wasNull() ? null : eta;
        return new Assignment(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("unit_code"),
                rs.getString("dispatched_by"), at(rs, "dispatched_at"), at(rs, "acknowledged_at"), at(rs, "enroute_at"),
                at(rs, "onscene_at"), at(rs, "cleared_at"), at(rs, "cancelled_at"), etaSeconds);
    }

    private IncidentRecord map(ResultSet rs, int n) throws SQLException {
        double lat = rs.getDouble("lat");
        GeoPoint place = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("lon"));
        return new IncidentRecord(rs.getLong("id"), rs.getString("number"), rs.getString("line"),
                IncidentType.valueOf(rs.getString("incident_type")), rs.getInt("priority"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("summary"),
                cipher.open(rs.getString("address")), place, rs.getString("block_code"),
                cipher.open(rs.getString("caller_name")), cipher.open(rs.getString("caller_phone")), rs.getString("taken_by"),
                rs.getString("commander_unit"), at(rs, "received_at"), at(rs, "entered_at"), at(rs, "first_dispatched_at"),
                at(rs, "first_enroute_at"), at(rs, "first_onscene_at"), at(rs, "cleared_at"), at(rs, "cancelled_at"),
                at(rs, "diverted_at"), at(rs, "closed_at"), rs.getString("case_number"), rs.getString("linkage_department"));
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
