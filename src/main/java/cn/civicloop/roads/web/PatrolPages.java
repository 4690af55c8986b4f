package cn.civicloop.roads.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.roads.Snap;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.Patrols;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.SegmentIndex;
import cn.civicloop.roads.internal.issues.IssueReader;
import cn.civicloop.roads.internal.issues.IssueReport;
import cn.civicloop.roads.internal.issues.IssueWorkflow;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.Uploads;

/**
 * The road chief's phone page: his patrol, reporting an issue and the issues in his hands. Forms post back and
 * redirect (PRG); the page's script posts track points to {@code /roads/patrol/track} with the page's CSRF token.
 */
@Controller
class PatrolPages {

    private final Chiefs chiefs;
    private final RoadData data;
    private final Patrols patrols;
    private final IssueWorkflow issues;
    private final IssueReader reader;
    private final SegmentIndex segmentIndex;
    private final MessageSource messages;

    PatrolPages(Chiefs chiefs, RoadData data, Patrols patrols, IssueWorkflow issues, IssueReader reader,
            SegmentIndex segmentIndex, MessageSource messages) {
        this.chiefs = chiefs;
        this.data = data;
        this.patrols = patrols;
        this.issues = issues;
        this.reader = reader;
        this.segmentIndex = segmentIndex;
        this.messages = messages;
    }

    /**
     * The page: the patrol, a map with the chief's segments and his position (the phone's, or a point he taps), the
     * issue form with his own segments first ({@code segments=all} lists every other segment too) and his issues.
     */
    @GetMapping("/roads/patrol")
    String patrol(@RequestParam(name = "segments", required = false) String segments, Model model) {
        Actor actor = Actors.current();
        Chief chief = chiefs.of(actor);
        model.addAttribute("chief", chief);
        model.addAttribute("patrol", patrols.current(chief).orElse(null));
        model.addAttribute("issues", reader.visible(actor, chief, 30));
        model.addAttribute("choices", SegmentChoices.of(data.segmentsOf(chief), data.squadSegmentsOf(chief),
                "all".equals(segments) ? data.segments() : null));
        return "roads/patrol";
    }

    /** The road at a position, for the page's map: 204 when the point is on no segment. */
    @GetMapping("/roads/patrol/snap")
    @ResponseBody
    ResponseEntity<Snap> snap(@RequestParam double lat, @RequestParam double lon) {
        chiefs.of(Actors.current());
        GeoPoint point;
        try {
            point = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", Phrase.of("problem.roads.invalid-coordinates", "坐标无效"));
        }
        return segmentIndex.snap(point).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @PostMapping("/roads/patrol/start")
    String start() {
        patrols.start(chiefs.of(Actors.current()));
        return "redirect:/roads/patrol";
    }

    @PostMapping("/roads/patrol/stop")
    String stop() {
        Chief chief = chiefs.of(Actors.current());
        patrols.current(chief).ifPresent(p -> patrols.stop(chief, p.id()));
        return "redirect:/roads/patrol";
    }

    /** A manual position (no GPS in the browser): one track point. */
    @PostMapping("/roads/patrol/position")
    String position(@RequestParam Double lat, @RequestParam Double lon, RedirectAttributes flash, Locale locale) {
        Chief chief = chiefs.of(Actors.current());
        Optional<Patrols.Patrol> current = patrols.current(chief);
        if (current.isEmpty()) {
            flash.addFlashAttribute("error", text(locale, "roads.notice.startFirst"));
        } else {
            try {
                Patrols.TrackAnswer a = patrols.track(chief, current.get().id(),
                        List.of(new Patrols.TrackPoint(lat, lon, null)));
                flash.addFlashAttribute("notice", a.segments().isEmpty() ? text(locale, "roads.notice.position.offRoad")
                        : text(locale, "roads.notice.position.onRoad", String.join(", ", a.segments())));
            } catch (DomainException e) {
                flash.addFlashAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
            }
        }
        return "redirect:/roads/patrol";
    }

    /** Track points from the page's geolocation script. */
    @PostMapping("/roads/patrol/track")
    @ResponseBody
    ResponseEntity<Patrols.TrackAnswer> track(@RequestBody List<Patrols.TrackPoint> points) {
        Chief chief = chiefs.of(Actors.current());
        return patrols.current(chief).map(p -> ResponseEntity.ok(patrols.track(chief, p.id(), points)))
                .orElse(ResponseEntity.noContent().build());
    }

    @PostMapping("/roads/issues")
    String report(@RequestParam Map<String, String> p,
            @RequestParam(name = "before", required = false) List<MultipartFile> before,
            @RequestParam(name = "after", required = false) List<MultipartFile> after, RedirectAttributes flash,
            Locale locale) {
        Chief chief = chiefs.of(Actors.current());
        Long patrolId = patrols.current(chief).map(Patrols.Patrol::id).orElse(null);
        IssueReport form = new IssueReport(p.get("title"), p.get("description"), FormValues.number(p.get("lat")),
                FormValues.number(p.get("lon")), FormValues.blankToNull(p.get("segmentCode")), patrolId,
                "on".equals(p.get("fixedOnSpot")), p.get("resolution"));
        try {
            var view = issues.report(chief, form, Uploads.of(before), Uploads.of(after));
            flash.addFlashAttribute("notice", view.fixedOnSpot() ? text(locale, "roads.notice.fixed", view.caseNumber())
                    : view.holderId() == null || view.holderId() == chief.id() ? text(locale, "roads.notice.kept")
                    : text(locale, "roads.notice.passedUp", view.holderName()));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
        }
        return "redirect:/roads/patrol";
    }

    @PostMapping("/roads/issues/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String remark,
            RedirectAttributes flash, Locale locale) {
        Actor actor = Actors.current();
        Chief chief = chiefs.of(actor);
        try {
            var view = issues.act(id, action, chief, actor, remark);
            String status = text(locale, "roads.issue.status." + view.status());
            flash.addFlashAttribute("notice", view.caseNumber() == null ? status
                    : text(locale, "roads.notice.withCase", status, view.caseNumber()));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
        }
        return "redirect:/roads/patrol";
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
