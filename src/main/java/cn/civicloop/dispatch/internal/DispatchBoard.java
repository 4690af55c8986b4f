package cn.civicloop.dispatch.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.shared.Masking;
import cn.civicloop.shared.NotFoundException;

/**
 * What the desk, the command map and the terminals read: incidents (caller's phone masked except for the
 * dispatcher who took the call), units with status colour and position, per-block counters and response times.
 */
@Service
public class DispatchBoard {

    /** A unit on the board. */
    public record UnitView(String code, String callSign, String blockCode, String crew, boolean onDuty, String status,
            String statusLabel, String colour, Double lat, Double lon, String incidentNumber, List<Units.Officer> officers) {
    }

    /** A unit on an incident. */
    public record AssignmentView(String unitCode, String dispatchedBy, Instant dispatchedAt, Instant acknowledgedAt,
            Instant enrouteAt, Instant onsceneAt, Instant clearedAt, Instant cancelledAt, Double etaSeconds) {
    }

    /** An incident as staff see it. */
    public record IncidentView(String number, String line, String type, String typeLabel, int priority, String status,
            String statusLabel, String summary, String address, double lat, double lon, String blockCode,
            String callerName, String callerPhone, String takenBy, String commanderUnit, Instant receivedAt,
            Instant enteredAt, Instant firstDispatchedAt, Instant firstEnrouteAt, Instant firstOnsceneAt,
            Instant clearedAt, Instant cancelledAt, Instant divertedAt, Instant closedAt, String caseNumber,
            String linkageDepartment, String linkageStatus, int calls, List<AssignmentView> units) {
    }

    /** Counters of one block. */
    public record BlockCounters(String code, String name, int free, int busy, int outOfService, int openIncidents) {
    }

    private final Incidents incidents;
    private final Units units;
    private final Blocks blocks;
    private final Roster roster;
    private final DispatchDesk desk;
    private final Clock clock;

    DispatchBoard(Incidents incidents, Units units, Blocks blocks, Roster roster, DispatchDesk desk, Clock clock) {
        this.incidents = incidents;
        this.units = units;
        this.blocks = blocks;
        this.roster = roster;
        this.desk = desk;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<IncidentView> current(Actor actor) {
        Access.read(actor);
        return incidents.current(clock.instant().minus(Duration.ofHours(12))).stream().map(i -> view(i, actor)).toList();
    }

    @Transactional(readOnly = true)
    public IncidentView incident(String number, Actor actor) {
        Access.read(actor);
        return view(desk.incident(number), actor);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> detail(String number, Actor actor) {
        Access.read(actor);
        IncidentRecord i = desk.incident(number);
        boolean own = actor.username().equals(i.takenBy());
        List<Map<String, Object>> calls = new ArrayList<>();
        for (Map<String, Object> c : incidents.calls(i.id())) {
            Map<String, Object> m = new LinkedHashMap<>(c);
            m.put("caller_phone", own ? c.get("caller_phone") : Masking.phone((String) c.get("caller_phone")));
            m.put("caller_name", own ? c.get("caller_name") : Masking.name((String) c.get("caller_name")));
            calls.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("incident", view(i, actor));
        out.put("calls", calls);
        out.put("log", incidents.logOf(i.id()));
        return out;
    }

    IncidentView view(IncidentRecord i, Actor reader) {
        // The caller's number is for the dispatcher who handles the call (to call back); everyone else sees it masked.
        boolean own = reader.username().equals(i.takenBy());
        List<AssignmentView> assigned = incidents.assignments(i.id()).stream().map(a -> new AssignmentView(a.unitCode(),
                a.dispatchedBy(), a.dispatchedAt(), a.acknowledgedAt(), a.enrouteAt(), a.onsceneAt(), a.clearedAt(),
                a.cancelledAt(), a.etaSeconds())).toList();
        return new IncidentView(i.number(), i.line(), i.type().name(), i.type().label(), i.priority(), i.status().name(),
                i.status().label(), i.summary(), i.address(), i.place().lat(), i.place().lon(), i.blockCode(),
                own ? i.callerName() : Masking.name(i.callerName()), own ? i.callerPhone() : Masking.phone(i.callerPhone()),
                i.takenBy(), i.commanderUnit(), i.receivedAt(), i.enteredAt(), i.firstDispatchedAt(), i.firstEnrouteAt(),
                i.firstOnsceneAt(), i.clearedAt(), i.cancelledAt(), i.divertedAt(), i.closedAt(), i.caseNumber(),
                i.linkageDepartment(), i.linkageStatus(), incidents.calls(i.id()).size(), assigned);
    }

    @Transactional(readOnly = true)
    public List<UnitView> units(Actor actor) {
        Access.read(actor);
        return unitViews();
    }

    List<UnitView> unitViews() {
        String crew = roster.now().crew();
        Map<Long, String> numbers = new java.util.HashMap<>();
        List<UnitView> out = new ArrayList<>();
        for (UnitRecord u : units.all()) {
            var p = desk.position(u);
            String incident = u.incidentId() == null ? null : numbers.computeIfAbsent(u.incidentId(),
                    id -> incidents.get(id).map(IncidentRecord::number).orElse(null));
            out.add(new UnitView(u.code(), u.callSign(), u.blockCode(), u.crew(), u.crew().equals(crew), u.status().name(),
                    u.status().label(), u.status().colour(), p == null ? null : p.lat(), p == null ? null : p.lon(),
                    incident, units.officers(u.code())));
        }
        return out;
    }

    /** A unit's own view for its terminal: the unit and the incident it is on (without the caller's number). */
    @Transactional(readOnly = true)
    public Map<String, Object> terminal(UnitRecord u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unit", unitViews().stream().filter(v -> v.code().equals(u.code())).findFirst()
                .orElseThrow(() -> new NotFoundException(u.code())));
        IncidentRecord i = u.incidentId() == null ? null : incidents.get(u.incidentId()).orElse(null);
        out.put("order", i == null ? null : view(i, Actor.system()));
        out.put("commander", i != null && u.code().equals(i.commanderUnit()));
        return out;
    }

    @Transactional(readOnly = true)
    public List<BlockCounters> counters(Actor actor) {
        Access.read(actor);
        List<UnitView> all = unitViews();
        List<IncidentRecord> open = incidents.current(clock.instant());
        List<BlockCounters> out = new ArrayList<>();
        for (Block b : blocks.all()) {
            List<UnitView> mine = all.stream().filter(u -> u.blockCode().equals(b.code()) && u.onDuty()).toList();
            out.add(new BlockCounters(b.code(), b.name(),
                    (int) mine.stream().filter(u -> u.status().equals(UnitStatus.AVAILABLE.name())).count(),
                    (int) mine.stream().filter(u -> UnitStatus.valueOf(u.status()).committed()).count(),
                    (int) mine.stream().filter(u -> u.status().equals(UnitStatus.OUT_OF_SERVICE.name())).count(),
                    (int) open.stream().filter(i -> b.code().equals(i.blockCode()) && i.status().policeOpen()).count()));
        }
        return out;
    }

    /** Response times of the last {@code days} days, by block and by priority. */
    @Transactional(readOnly = true)
    public Map<String, List<ResponseTimes.Figures>> responseTimes(int days, Actor actor) {
        Access.read(actor);
        List<IncidentRecord> list = incidents.since(clock.instant().minus(Duration.ofDays(days))).stream()
                .filter(i -> i.status() != IncidentStatus.DIVERTED && i.status() != IncidentStatus.CLOSED).toList();
        Map<String, List<ResponseTimes.Figures>> out = new LinkedHashMap<>();
        out.put("byBlock", ResponseTimes.by(list, IncidentRecord::blockCode));
        out.put("byPriority", ResponseTimes.by(list, i -> "P" + i.priority()));
        out.put("all", ResponseTimes.by(list, i -> "全部"));
        return out;
    }

    /** The blocks as GeoJSON with code, name and post, for the maps. */
    public String blocksGeoJson() {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        List<Block> all = blocks.all();
        for (int k = 0; k < all.size(); k++) {
            Block b = all.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(b.code())
                    .append("\",\"name\":\"").append(b.name()).append("\",\"post\":\"").append(b.postName())
                    .append("\",\"postLat\":").append(b.post().lat()).append(",\"postLon\":").append(b.post().lon())
                    .append("},\"geometry\":").append(polygon(b.outline())).append('}');
        }
        return sb.append("]}").toString();
    }

    private static String polygon(org.locationtech.jts.geom.Geometry g) {
        org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) g.getGeometryN(0);
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
        for (int r = 0; r <= p.getNumInteriorRing(); r++) {
            var ring = r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1);
            sb.append(r == 0 ? "[" : ",[");
            var cs = ring.getCoordinates();
            for (int k = 0; k < cs.length; k++) {
                sb.append(k == 0 ? "" : ",").append('[').append(cs[k].x).append(',').append(cs[k].y).append(']');
            }
            sb.append(']');
        }
        return sb.append("]}").toString();
    }
}
