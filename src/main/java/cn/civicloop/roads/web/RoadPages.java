package cn.civicloop.roads.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.roads.internal.Briefings;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.FieldReports;
import cn.civicloop.roads.internal.IssueReport;
import cn.civicloop.roads.internal.Patrols;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.RoadIssues;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.web.Uploads;

/**
 * The phone pages of chiefs and grid workers and the weekly briefing. Forms post back and redirect (PRG); the
 * patrol page's script posts track points to {@code /roads/patrol/track} with the page's CSRF token.
 */
@Controller
class RoadPages {

    private final Chiefs chiefs;
    private final RoadData data;
    private final Patrols patrols;
    private final RoadIssues issues;
    private final FieldReports fieldReports;
    private final Briefings briefings;
    private final Clock clock;

    RoadPages(Chiefs chiefs, RoadData data, Patrols patrols, RoadIssues issues, FieldReports fieldReports,
            Briefings briefings, Clock clock) {
        this.chiefs = chiefs;
        this.data = data;
        this.patrols = patrols;
        this.issues = issues;
        this.fieldReports = fieldReports;
        this.briefings = briefings;
        this.clock = clock;
    }

    static void requireSupervisor(Actor actor, Chiefs chiefs) {
        boolean ok = actor.has(Role.LEADER) || actor.has(Role.ADMIN)
                || chiefs.find(actor).map(c -> c.level() <= 2).orElse(false);
        if (!ok) {
            throw new ForbiddenException("通报仅限一级、二级路长和区领导 (level-1/2 chiefs and leaders only)");
        }
    }

    @GetMapping("/roads")
    String home() {
        Actor actor = Actors.current();
        if (actor.has(Role.ROAD_CHIEF)) {
            return "redirect:/roads/patrol";
        }
        if (actor.has(Role.GRID_WORKER)) {
            return "redirect:/roads/report";
        }
        return "redirect:/roads/briefing";
    }

    @GetMapping("/roads/patrol")
    String patrol(Model model) {
        Actor actor = Actors.current();
        Chief chief = chiefs.of(actor);
        model.addAttribute("chief", chief);
        model.addAttribute("patrol", patrols.current(chief).orElse(null));
        model.addAttribute("issues", issues.visible(actor, chief, 30));
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
        IssueReport form = new IssueReport(p.get("title"), p.get("description"), number(p.get("lat")),
                number(p.get("lon")), blankToNull(p.get("segmentCode")), patrolId, "on".equals(p.get("fixedOnSpot")),
                p.get("resolution"));
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
            var view = switch (action) {
                case "answer" -> issues.answer(id, chief, remark);
                case "escalate" -> issues.escalate(id, chief, remark);
                case "hand-over" -> issues.handOver(id, chief, actor, remark);
                case "resolve" -> issues.resolve(id, chief, remark);
                default -> throw new ForbiddenException("unknown action");
            };
            flash.addFlashAttribute("notice", view.statusLabel() + (view.caseNumber() == null ? "" : " · 工单 " + view.caseNumber()));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/roads/patrol";
    }

    @GetMapping("/roads/report")
    String fieldReportForm(Model model) {
        if (!Actors.current().has(Role.GRID_WORKER)) {
            throw new ForbiddenException("网格员、驻村辅警专用 (grid workers only)");
        }
        model.addAttribute("channels", List.of(Channel.GRID_WORKER, Channel.VILLAGE_AUX_POLICE));
        return "roads/report";
    }

    @PostMapping("/roads/report")
    String fieldReport(@RequestParam Map<String, String> p,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, RedirectAttributes flash) {
        Channel channel = "VILLAGE_AUX_POLICE".equals(p.get("channel")) ? Channel.VILLAGE_AUX_POLICE : Channel.GRID_WORKER;
        try {
            OpenedCase opened = fieldReports.submit(new FieldReports.FieldReport(channel, p.get("clientRef"),
                    p.get("title"), p.get("content"), number(p.get("lat")), number(p.get("lon")), p.get("address")),
                    Uploads.of(photos), Actors.current());
            flash.addFlashAttribute("opened", opened);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/roads/report";
    }

    @GetMapping("/roads/briefing")
    String briefing(@RequestParam(required = false) String week, Model model) {
        requireSupervisor(Actors.current(), chiefs);
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        Briefings.Briefing b = briefings.week(Briefings.mondayOf(week, today));
        model.addAttribute("b", b);
        model.addAttribute("previous", Briefings.weekOf(b.monday().minusWeeks(1)));
        model.addAttribute("next", Briefings.weekOf(b.monday().plusWeeks(1)));
        Instant from = b.from();
        model.addAttribute("coverage", patrols.coverage(from, b.to(), null));
        return "roads/briefing";
    }

    @GetMapping("/roads/briefing.xlsx")
    ResponseEntity<byte[]> briefingXlsx(@RequestParam(required = false) String week) {
        requireSupervisor(Actors.current(), chiefs);
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        return RoadApiController.xlsx(briefings.week(Briefings.mondayOf(week, today)));
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
