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
import cn.civicloop.directory.Directory;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.shared.Masking;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.ReferenceCache;

/**
 * What the desk, the command map and the terminals read: incidents (caller's phone masked except for the
 * dispatcher who took the call), units with status colour and position, per-block counters and response times.
 */
@Service
public class DispatchBoard {

    /** A unit on the board; {@code terminalAccount} is the login of its phone, null when it has no account. */
    public record UnitView(String code, String callSign, String blockCode, String crew, boolean onDuty, String status,
            String statusLabel, String colour, Double lat, Double lon, String incidentNumber, List<Units.Officer> officers,
            String terminalAccount) {
    }

    /**
     * A unit's duty by the roster: its shift under way when {@code onDuty}, else its next one.
     *
     * @param shift NIGHT, DAY or EVENING
     */
    public record DutyView(boolean onDuty, String crew, String shift, Instant starts, Instant ends) {
    }

    /** A unit on an incident. */
    public record AssignmentView(String unitCode, String dispatchedBy, Instant dispatchedAt, Instant acknowledgedAt,
            Instant enrouteAt, Instant onsceneAt, Instant clearedAt, Instant cancelledAt, Double etaSeconds) {
    }

    /**
     * An incident as staff see it. {@code lat}/{@code lon} are null until it is placed. For a diverted incident
     * {@code caseStatus} (code) and {@code linkageStatus} (label) are the case's status now and
     * {@code linkageDepartment} the department holding it now, read from the case module.
     */
    public record IncidentView(String number, String line, String type, String typeLabel, int priority, String status,
            String statusLabel, String summary, String address, Double lat, Double lon, String blockCode,
            String callerName, String callerPhone, String takenBy, String commanderUnit, Instant receivedAt,
            Instant enteredAt, Instant firstDispatchedAt, Instant firstEnrouteAt, Instant firstOnsceneAt,
            Instant clearedAt, Instant cancelledAt, Instant divertedAt, Instant closedAt, String caseNumber,
            String linkageDepartment, String caseStatus, String linkageStatus, int calls, List<AssignmentView> units) {
    }

    /** Counters of one block. */
    public record BlockCounters(String code, String name, int free, int busy, int outOfService, int openIncidents) {
    }

    private final Incidents incidents;
    private final Units units;
    private final Blocks blocks;
    private final Roster roster;
    private final DispatchDesk desk;
    private final LinkageCases linkage;
    private final Directory directory;
    private final Clock clock;
    /** Whether a unit's phone account exists and is active; asked on every refresh of the desk, changed rarely. */
    private final ReferenceCache<String, Boolean> accounts = new ReferenceCache<>(Duration.ofMinutes(1));

    DispatchBoard(Incidents incidents, Units units, Blocks blocks, Roster roster, DispatchDesk desk, LinkageCases linkage,
            Directory directory, Clock clock) {
        this.incidents = incidents;
        this.units = units;
        this.blocks = blocks;
        this.roster = roster;
        this.desk = desk;
        this.linkage = linkage;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<IncidentView> current(Actor actor) {
        Access.read(actor);
        List<IncidentRecord> list = incidents.current(clock.instant().minus(Duration.ofHours(12)));
        Map<String, LinkageCases.State> cases = linkage.now(list.stream().map(IncidentRecord::caseNumber).toList());
        return list.stream().map(i -> view(i, actor, cases)).toList();
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
        return view(i, reader, i.caseNumber() == null ? Map.of() : linkage.now(List.of(i.caseNumber())));
    }

    private IncidentView view(IncidentRecord i, Actor reader, Map<String, LinkageCases.State> cases) {
        // The caller's number is for the dispatcher who handles the call (to call back); everyone else sees it masked.
        boolean own = reader.username().equals(i.takenBy());
        List<AssignmentView> assigned = incidents.assignments(i.id()).stream().map(a -> new AssignmentView(a.unitCode(),
                a.dispatchedBy(), a.dispatchedAt(), a.acknowledgedAt(), a.enrouteAt(), a.onsceneAt(), a.clearedAt(),
                a.cancelledAt(), a.etaSeconds())).toList();
        LinkageCases.State c = i.caseNumber() == null ? null : cases.get(i.caseNumber());
        return new IncidentView(i.number(), i.line(), i.type().name(), i.type().label(), i.priority(), i.status().name(),
                i.status().label(), i.summary(), i.address(), i.placed() ? i.place().lat() : null,
                i.placed() ? i.place().lon() : null, i.blockCode(),
                own ? i.callerName() : Masking.name(i.callerName()), own ? i.callerPhone() : Masking.phone(i.callerPhone()),
                i.takenBy(), i.commanderUnit(), i.receivedAt(), i.enteredAt(), i.firstDispatchedAt(), i.firstEnrouteAt(),
                i.firstOnsceneAt(), i.clearedAt(), i.cancelledAt(), i.divertedAt(), i.closedAt(), i.caseNumber(),
                c == null || c.department() == null ? i.linkageDepartment() : c.department(),
                c == null ? null : c.status().name(), c == null ? null : c.status().label(), incidents.calls(i.id()).size(),
                assigned);
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
                    incident, units.officers(u.code()), account(u.terminalUsername())));
        }
        return out;
    }

    private String account(String username) {
        return username != null && accounts.get(username, n -> directory.staffActor(n).isPresent()) ? username : null;
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
        Roster.OnDuty d = roster.shiftOf(u.crew(), clock.instant());
        out.put("duty", new DutyView(d.crew().equals(u.crew()) && !d.starts().isAfter(clock.instant()), u.crew(),
                d.shift().name(), d.starts(), d.ends()));
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
        out.put("all", ResponseTimes.by(list, i -> "ALL"));
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
