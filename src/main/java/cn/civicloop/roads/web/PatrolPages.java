package cn.civicloop.roads.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import cn.civicloop.directory.Actors;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.Patrols;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.issues.IssueReader;
import cn.civicloop.roads.internal.issues.IssueReport;
import cn.civicloop.roads.internal.issues.IssueWorkflow;
import cn.civicloop.shared.DomainException;
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

    PatrolPages(Chiefs chiefs, RoadData data, Patrols patrols, IssueWorkflow issues, IssueReader reader) {
        this.chiefs = chiefs;
        this.data = data;
        this.patrols = patrols;
        this.issues = issues;
        this.reader = reader;
    }

    @GetMapping("/roads/patrol")
    String patrol(Model model) {
        Actor actor = Actors.current();
        Chief chief = chiefs.of(actor);
        model.addAttribute("chief", chief);
        model.addAttribute("patrol", patrols.current(chief).orElse(null));
        model.addAttribute("issues", reader.visible(actor, chief, 30));
        model.addAttribute("segments", data.segments());
        return "roads/patrol";
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
    String position(@RequestParam Double lat, @RequestParam Double lon, RedirectAttributes flash) {
        Chief chief = chiefs.of(Actors.current());
        Optional<Patrols.Patrol> current = patrols.current(chief);
        if (current.isEmpty()) {
            flash.addFlashAttribute("error", "请先开始巡查 (start a patrol first)");
        } else {
            try {
                Patrols.TrackAnswer a = patrols.track(chief, current.get().id(),
                        List.of(new Patrols.TrackPoint(lat, lon, null)));
                flash.addFlashAttribute("notice", a.segments().isEmpty() ? "位置已记录（不在路段上）" : "位置已记录：" + a.segments());
            } catch (DomainException e) {
                flash.addFlashAttribute("error", e.getMessage());
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
            @RequestParam(name = "after", required = false) List<MultipartFile> after, RedirectAttributes flash) {
        Chief chief = chiefs.of(Actors.current());
        Long patrolId = patrols.current(chief).map(Patrols.Patrol::id).orElse(null);
        IssueReport form = new IssueReport(p.get("title"), p.get("description"), FormValues.number(p.get("lat")),
                FormValues.number(p.get("lon")), FormValues.blankToNull(p.get("segmentCode")), patrolId,
                "on".equals(p.get("fixedOnSpot")), p.get("resolution"));
        try {
            var view = issues.report(chief, form, Uploads.of(before), Uploads.of(after));
            flash.addFlashAttribute("notice", view.fixedOnSpot() ? "已记录即知即改，工单 " + view.caseNumber()
                    : "已上报" + (view.holderName() == null ? "" : "：" + view.holderName()));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/roads/patrol";
    }

    @PostMapping("/roads/issues/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String remark,
            RedirectAttributes flash) {
        Actor actor = Actors.current();
        Chief chief = chiefs.of(actor);
        try {
            var view = issues.act(id, action, chief, actor, remark);
            flash.addFlashAttribute("notice", view.statusLabel() + (view.caseNumber() == null ? "" : " · 工单 " + view.caseNumber()));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/roads/patrol";
    }
}
