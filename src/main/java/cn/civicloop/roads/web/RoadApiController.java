package cn.civicloop.roads.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.roads.Snap;
import cn.civicloop.roads.internal.BriefingWorkbook;
import cn.civicloop.roads.internal.Briefings;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.FieldReports;
import cn.civicloop.roads.internal.IssueReport;
import cn.civicloop.roads.internal.IssueView;
import cn.civicloop.roads.internal.Patrols;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.RoadIssues;
import cn.civicloop.roads.internal.RoadNetwork;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.roads.internal.WhistleForm;
import cn.civicloop.roads.internal.WhistleView;
import cn.civicloop.roads.internal.Whistles;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.web.Uploads;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The road chiefs' API. Owners (see RoadEndpoints): chiefs, grid workers and leaders; whistles also the
 * named departments' staff; briefing and coverage only first/second-level chiefs, leaders and admins.
 */
@RestController
@RequestMapping("/api/v1/roads")
@Tag(name = "roads", description = "路长制: roads, chiefs, patrols, issues, whistles, briefing")
class RoadApiController {

    private final RoadData data;
    private final RoadNetwork network;
    private final Chiefs chiefs;
    private final Patrols patrols;
    private final RoadIssues issues;
    private final Whistles whistles;
    private final FieldReports fieldReports;
    private final Briefings briefings;
    private final Clock clock;

    RoadApiController(RoadData data, RoadNetwork network, Chiefs chiefs, Patrols patrols, RoadIssues issues,
            Whistles whistles, FieldReports fieldReports, Briefings briefings, Clock clock) {
        this.data = data;
        this.network = network;
        this.chiefs = chiefs;
        this.patrols = patrols;
        this.issues = issues;
        this.whistles = whistles;
        this.fieldReports = fieldReports;
        this.briefings = briefings;
        this.clock = clock;
    }

    record SegmentSummary(long id, String code, String name, String section, String area, String squad,
            long lengthMetres) {
    }

    record Remark(String remark) {
    }

    record Rating(int score, String comment) {
    }

    @GetMapping("/segments")
    List<SegmentSummary> segments() {
        return data.segments().stream().map(RoadApiController::summary).toList();
    }

    @GetMapping("/snap")
    ResponseEntity<Snap> snap(@RequestParam double lat, @RequestParam double lon,
            @RequestParam(required = false) Double tolerance) {
        GeoPoint p;
        try {
            p = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", "坐标无效 (invalid coordinates)");
        }
        var snap = tolerance == null ? network.snap(p) : network.snap(p, Math.min(Math.max(tolerance, 0), 500));
        return snap.map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/me")
    Chief me() {
        return chiefs.of(Actors.current());
    }

    @PostMapping("/patrols")
    Patrols.Patrol start() {
        return patrols.start(chiefs.of(Actors.current()));
    }

    @GetMapping("/patrols/current")
    ResponseEntity<Patrols.Patrol> current() {
        return patrols.current(chiefs.of(Actors.current())).map(ResponseEntity::ok)
                .orElse(ResponseEntity.noContent().build());
    }

    @PostMapping("/patrols/{id}/track")
    Patrols.TrackAnswer track(@PathVariable long id, @RequestBody List<Patrols.TrackPoint> points) {
        return patrols.track(chiefs.of(Actors.current()), id, points);
    }

    @PostMapping("/patrols/{id}/stop")
    Patrols.Patrol stop(@PathVariable long id) {
        return patrols.stop(chiefs.of(Actors.current()), id);
    }

    @GetMapping("/coverage")
    Patrols.Coverage coverage(@RequestParam Instant from, @RequestParam Instant to,
            @RequestParam(required = false) String area) {
        supervisor(Actors.current());
        Long areaId = area == null ? null : data.areaIdByCode(area).orElseThrow(() ->
                new InvalidInputException("area", "没有这个片区 (no such area)"));
        return patrols.coverage(from, to, areaId);
    }

    @GetMapping("/issues")
    List<IssueView> visibleIssues() {
        Actor actor = Actors.current();
        return issues.visible(actor, chiefs.find(actor).orElse(null), 100);
    }

    @PostMapping(path = "/issues", consumes = MediaType.APPLICATION_JSON_VALUE)
    IssueView report(@Valid @RequestBody IssueReport form) {
        return issues.report(chiefs.of(Actors.current()), form, List.of(), List.of());
    }

    @PostMapping(path = "/issues", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IssueView reportWithPhotos(@Valid @RequestPart("issue") IssueReport form,
            @RequestPart(name = "before", required = false) List<MultipartFile> before,
            @RequestPart(name = "after", required = false) List<MultipartFile> after) {
        return issues.report(chiefs.of(Actors.current()), form, Uploads.of(before), Uploads.of(after));
    }

    @GetMapping("/issues/{id}")
    IssueView issue(@PathVariable long id) {
        return issues.view(id, Actors.current());
    }

    @PostMapping("/issues/{id}/{action}")
    IssueView act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) Remark body) {
        Actor actor = Actors.current();
        Chief chief = chiefs.of(actor);
        String remark = body == null ? null : body.remark();
        return switch (action) {
            case "answer" -> issues.answer(id, chief, remark);
            case "escalate" -> issues.escalate(id, chief, remark);
            case "hand-over" -> issues.handOver(id, chief, actor, remark);
            case "resolve" -> issues.resolve(id, chief, remark);
            default -> throw new InvalidInputException("action", "未知操作 (unknown action): " + action);
        };
    }

    @GetMapping("/whistles")
    List<WhistleView> whistles() {
        return whistles.visible(Actors.current(), 50);
    }

    @PostMapping("/whistles")
    WhistleView blow(@Valid @RequestBody WhistleForm form) {
        return whistles.blow(Actors.current(), form);
    }

    @GetMapping("/whistles/{id}")
    WhistleView whistle(@PathVariable long id) {
        return whistles.view(id, Actors.current());
    }

    @PostMapping("/whistles/{id}/{action}")
    WhistleView whistleAction(@PathVariable long id, @PathVariable String action,
            @RequestBody(required = false) Remark body) {
        Actor actor = Actors.current();
        String remark = body == null ? null : body.remark();
        return switch (action) {
            case "acknowledge" -> whistles.acknowledge(id, actor);
            case "report" -> whistles.report(id, actor, remark);
            case "note" -> whistles.note(id, actor, remark);
            case "release" -> whistles.release(id, actor);
            case "resolve" -> whistles.resolve(id, actor, remark);
            default -> throw new InvalidInputException("action", "未知操作 (unknown action): " + action);
        };
    }

    @PostMapping("/whistles/{id}/departments/{departmentId}/rating")
    WhistleView rate(@PathVariable long id, @PathVariable long departmentId, @RequestBody Rating rating) {
        return whistles.rate(id, departmentId, Actors.current(), rating.score(), rating.comment());
    }

    @PostMapping(path = "/field-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    OpenedCase fieldReport(@RequestBody FieldReports.FieldReport report) {
        return fieldReports.submit(report, List.of(), Actors.current());
    }

    @PostMapping(path = "/field-reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OpenedCase fieldReportWithPhotos(@RequestPart("report") FieldReports.FieldReport report,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        return fieldReports.submit(report, Uploads.of(photos), Actors.current());
    }

    @GetMapping("/briefing")
    Briefings.Briefing briefing(@RequestParam(required = false) String week) {
        supervisor(Actors.current());
        return briefings.week(Briefings.mondayOf(week, LocalDate.now(clock.withZone(DistrictTime.ZONE))));
    }

    @GetMapping("/briefing.xlsx")
    ResponseEntity<byte[]> briefingXlsx(@RequestParam(required = false) String week) {
        supervisor(Actors.current());
        Briefings.Briefing b = briefings.week(Briefings.mondayOf(week, LocalDate.now(clock.withZone(DistrictTime.ZONE))));
        return xlsx(b);
    }

    static ResponseEntity<byte[]> xlsx(Briefings.Briefing b) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"road-briefing-" + b.week() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(BriefingWorkbook.write(b));
    }

    /** Briefing and coverage: first- and second-level chiefs, leaders, admins. */
    void supervisor(Actor actor) {
        RoadPages.requireSupervisor(actor, chiefs);
    }

    static SegmentSummary summary(Segment s) {
        return new SegmentSummary(s.id(), s.code(), s.name(), s.section(), s.areaCode(), s.squadCode(),
                Math.round(s.lengthMetres()));
    }
}
