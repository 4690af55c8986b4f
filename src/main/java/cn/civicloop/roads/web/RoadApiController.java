package cn.civicloop.roads.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import cn.civicloop.shared.AuditTrail;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.security.Actors;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.roads.Snap;
import cn.civicloop.roads.internal.Briefings;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.FieldReports;
import cn.civicloop.roads.internal.Patrols;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.roads.internal.SegmentIndex;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.Uploads;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The road chiefs' API: the network and snapping, the chief behind the account, patrols and coverage, grid reports
 * and the weekly briefing (issues and whistles have their own controllers). Owners (see RoadEndpoints):
 * chiefs, grid workers and leaders; briefing and coverage only first/second-level chiefs, leaders and admins.
 */
@RestController
@RequestMapping("/api/v1/roads")
@Tag(name = "roads", description = "Road chiefs: roads, chiefs, patrols, issues, whistles, briefing")
class RoadApiController {

    private final RoadData data;
    private final SegmentIndex segments;
    private final Chiefs chiefs;
    private final Patrols patrols;
    private final FieldReports fieldReports;
    private final Briefings briefings;
    private final Clock clock;
    private final AuditTrail audit;
    private final MessageSource messages;

    RoadApiController(RoadData data, SegmentIndex segments, Chiefs chiefs, Patrols patrols, FieldReports fieldReports,
            Briefings briefings, Clock clock, AuditTrail audit, MessageSource messages) {
        this.messages = messages;
        this.audit = audit;
        this.data = data;
        this.segments = segments;
        this.chiefs = chiefs;
        this.patrols = patrols;
        this.fieldReports = fieldReports;
        this.briefings = briefings;
        this.clock = clock;
    }

    record SegmentSummary(long id, String code, String name, String section, String area, String squad,
            long lengthMetres) {

        static SegmentSummary of(Segment s) {
            return new SegmentSummary(s.id(), s.code(), s.name(), s.section(), s.areaCode(), s.squadCode(),
                    Math.round(s.lengthMetres()));
        }
    }

    @GetMapping("/segments")
    List<SegmentSummary> segments() {
        return data.segments().stream().map(SegmentSummary::of).toList();
    }

    @GetMapping("/snap")
    ResponseEntity<Snap> snap(@RequestParam double lat, @RequestParam double lon,
            @RequestParam(required = false) Double tolerance) {
        GeoPoint p;
        try {
            p = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", Phrase.of("problem.roads.invalid-coordinates", "坐标无效"));
        }
        var snap = tolerance == null ? segments.snap(p) : segments.snap(p, Math.min(Math.max(tolerance, 0), 500));
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
        chiefs.requireSupervisor(Actors.current());
        Long areaId = area == null ? null : data.areaIdByCode(area).orElseThrow(() ->
                new InvalidInputException("area", Phrase.of("problem.roads.no-such-area", "没有这个片区")));
        return patrols.coverage(from, to, areaId);
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
        chiefs.requireSupervisor(Actors.current());
        return briefings.week(BriefingDownload.monday(week, clock))
                .withTotalNamed(messages.getMessage("roads.briefing.total", null, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/briefing.xlsx")
    ResponseEntity<byte[]> briefingXlsx(@RequestParam(required = false) String week) {
        chiefs.requireSupervisor(Actors.current());
        return BriefingDownload.xlsx(briefings.week(BriefingDownload.monday(week, clock)), audit, messages);
    }
}
