package cn.civicloop.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.dispatch.DispatchRecords;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.dispatch.RecordedIncident;
import cn.civicloop.dispatch.RecordedIncidents;
import cn.civicloop.dispatch.UnitPlan;
import cn.civicloop.dispatch.UnitStatus;

/**
 * The read-only records for planning. The period read is one bounded query on {@code (received_at, id)} (index
 * {@code dispatch_incident_by_received}), capped at {@link DispatchRecords#MAX_INCIDENTS}: it never reads the
 * history outside the period, nor more of it than asked.
 */
@Component
class DispatchRecordsReader implements DispatchRecords {

    private static final String COLUMNS = "number, incident_type, priority, status, lat, lon, block_code, received_at, "
            + "first_dispatched_at, first_enroute_at, first_onscene_at, cleared_at";

    private final JdbcClient jdbc;
    private final Blocks blocks;
    private final Units units;
    private final Roster roster;
    private final DispatchProperties properties;
    private final Clock clock;

    DispatchRecordsReader(JdbcClient jdbc, Blocks blocks, Units units, Roster roster, DispatchProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.units = units;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RecordedIncidents incidentsReceived(Instant from, Instant to, int limit) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        if (limit < 1 || limit > MAX_INCIDENTS) {
            throw new IllegalArgumentException("limit must be 1 … " + MAX_INCIDENTS + ", got " + limit);
        }
        List<RecordedIncident> rows = jdbc.sql("select " + COLUMNS + " from dispatch_incident "
                + "where received_at >= ? and received_at < ? order by received_at, id limit ?")
                .params(Timestamp.from(from), Timestamp.from(to), limit + 1)
                .query(DispatchRecordsReader::incident).list();
        boolean more = rows.size() > limit;
        return new RecordedIncidents(from, to, more ? rows.subList(0, limit) : rows, more);
    }

    @Override
    public UnitPlan unitPlan() {
        Instant now = clock.instant();
        Roster.OnDuty duty = roster.at(now);
        List<UnitRecord> all = units.all();
        Map<String, List<UnitRecord>> byBlock = all.stream().collect(Collectors.groupingBy(UnitRecord::blockCode));
        WKTWriter wkt = new WKTWriter();
        List<UnitPlan.PlannedBlock> planned = blocks.all().stream().map(b -> {
            List<UnitRecord> mine = byBlock.getOrDefault(b.code(), List.of());
            List<UnitRecord> onDuty = mine.stream().filter(u -> duty.crew().equals(u.crew())).toList();
            int out = (int) onDuty.stream().filter(u -> u.status() == UnitStatus.OUT_OF_SERVICE).count();
            return new UnitPlan.PlannedBlock(b.code(), b.name(), wkt.write(b.outline()), b.post().lat(),
                    b.post().lon(), b.postName(), mine.size(), onDuty.size(), out);
        }).toList();
        return new UnitPlan(now, duty.date(), duty.shift().name(), duty.crew(), properties.reservePerBlock(), planned);
    }

    private static RecordedIncident incident(ResultSet rs, int n) throws SQLException {
        return new RecordedIncident(rs.getString("number"), IncidentType.valueOf(rs.getString("incident_type")),
                rs.getInt("priority"), IncidentStatus.valueOf(rs.getString("status")), rs.getDouble("lat"),
                rs.getDouble("lon"), rs.getString("block_code"), at(rs, "received_at"), at(rs, "first_dispatched_at"),
                at(rs, "first_enroute_at"), at(rs, "first_onscene_at"), at(rs, "cleared_at"));
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
