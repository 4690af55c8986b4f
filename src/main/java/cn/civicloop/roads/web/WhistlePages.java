package cn.civicloop.roads.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.RoadsProperties;
import cn.civicloop.roads.internal.whistles.WhistleForm;
import cn.civicloop.roads.internal.whistles.WhistleReader;
import cn.civicloop.roads.internal.whistles.WhistleView;
import cn.civicloop.roads.internal.whistles.WhistleWorkflow;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The whistle page (吹哨报到) of the chiefs and streets who blow and the departments who report: the whistles the
 * reader may see (the module's rule, {@link WhistleReader#visible}), each with its departments' limits and overdue
 * flags; forms post back and redirect (PRG), and each whistle's state refreshes itself by htmx.
 */
@Controller
class WhistlePages {

    /** The level an earlier whistle wrote before its chief's name (一级路长…). */
    private static final Pattern EARLIER_LEVEL = Pattern.compile("^[一二三]级路长");

    private final WhistleWorkflow whistles;
    private final WhistleReader reader;
    private final RoadData data;
    private final Directory directory;
    private final RoadsProperties properties;
    private final Clock clock;
    private final MessageSource messages;

    WhistlePages(WhistleWorkflow whistles, WhistleReader reader, RoadData data, Directory directory,
            RoadsProperties properties, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.properties = properties;
        this.whistles = whistles;
        this.reader = reader;
        this.data = data;
        this.directory = directory;
        this.clock = clock;
    }

    /** One department's line of a whistle as the page shows it: late when flagged or past its limit now. */
    record Line(WhistleView.Responder r, boolean ackLate, boolean reportLate, boolean mine, boolean rateable) {
    }

    /** A whistle with what the reader may do on it. */
    record Item(WhistleView w, List<Line> lines, boolean blower, boolean responder, boolean acknowledged,
            boolean reported, boolean released, String blowerLabel) {

        public boolean open() {
            return "OPEN".equals(w.status());
        }
    }

    @GetMapping("/roads/whistles")
    String page(Model model) {
        Actor actor = Actors.current();
        model.addAttribute("items", reader.visible(actor, 50).stream().map(w -> item(w, actor)).toList());
        model.addAttribute("ackLimit", properties.whistleAckLimit().toMinutes());
        model.addAttribute("reportLimit", properties.whistleReportLimit().toMinutes());
        boolean mayBlow = reader.mayBlow(actor);
        model.addAttribute("mayBlow", mayBlow);
        if (mayBlow) {
            model.addAttribute("segments", data.segments());
            model.addAttribute("areas", data.areas());
            model.addAttribute("departments", directory.departments().stream()
                    .filter(d -> d.active() && d.parentId() == null
                            && (d.kind() == DepartmentKind.FUNCTIONAL || d.kind() == DepartmentKind.STREET))
                    .sorted(java.util.Comparator.comparing(Department::code)).toList());
        }
        return "roads/whistles";
    }

    /** The state of one whistle (status, departments, notes), polled by the page. */
    @GetMapping("/roads/whistles/{id}/state")
    String state(@PathVariable long id, Model model) {
        Actor actor = Actors.current();
        model.addAttribute("i", item(reader.view(id, actor), actor));
        return "roads/whistles :: state";
    }

    @PostMapping("/roads/whistles")
    String blow(@RequestParam MultiValueMap<String, String> p, RedirectAttributes flash, Locale locale) {
        try {
            WhistleView w = whistles.blow(Actors.current(), new WhistleForm(p.getFirst("title"), p.getFirst("description"),
                    FormValues.blankToNull(p.getFirst("segmentCode")), FormValues.blankToNull(p.getFirst("areaCode")),
                    p.getOrDefault("departments", List.of())));
            flash.addFlashAttribute("notice", messages.getMessage("roads.notice.whistle.blown", new Object[] {w.title(),
                    String.join(messages.getMessage("roads.list.separator", null, locale),
                            w.departments().stream().map(WhistleView.Responder::departmentName).toList())}, locale));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
            flash.addFlashAttribute("values", p.toSingleValueMap());
        }
        return "redirect:/roads/whistles";
    }

    @PostMapping("/roads/whistles/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String remark,
            RedirectAttributes flash, Locale locale) {
        Actor actor = Actors.current();
        try {
            WhistleView w = whistles.act(id, action, actor, remark);
            flash.addFlashAttribute("notice", messages.getMessage("roads.notice.whistle." + action,
                    new Object[] {w.title()}, locale));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
        }
        return "redirect:/roads/whistles#whistle-" + id;
    }

    @PostMapping("/roads/whistles/{id}/departments/{departmentId}/rating")
    String rate(@PathVariable long id, @PathVariable long departmentId, @RequestParam Map<String, String> p,
            RedirectAttributes flash, Locale locale) {
        try {
            int score;
            try {
                score = Integer.parseInt(Objects.requireNonNullElse(p.get("score"), "").strip());
            } catch (NumberFormatException e) {
                score = 0;
            }
            whistles.rate(id, departmentId, Actors.current(), score, p.get("comment"));
            flash.addFlashAttribute("notice", messages.getMessage("roads.notice.whistle.rated", new Object[] {score}, locale));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
        }
        return "redirect:/roads/whistles#whistle-" + id;
    }

    /** A refusal is a readable page, not the API's problem document. */
    @ExceptionHandler({ ForbiddenException.class, NotFoundException.class })
    String refused(DomainException e, Model model, HttpServletResponse response) {
        response.setStatus(e instanceof NotFoundException ? HttpStatus.NOT_FOUND.value() : HttpStatus.FORBIDDEN.value());
        model.addAttribute("message", cn.civicloop.shared.web.RefusalText.of(e));
        return "cases/forbidden";
    }

    private Item item(WhistleView w, Actor actor) {
        Instant now = clock.instant();
        boolean blower = Objects.equals(w.blowerStaffId(), actor.staffId());
        Long mine = reader.departmentOf(w, actor).orElse(null);
        List<Line> lines = w.departments().stream().map(r -> new Line(r,
                r.ackOverdue() || (r.acknowledgedAt() == null ? now.isAfter(w.ackDue()) : r.acknowledgedAt().isAfter(w.ackDue())),
                r.reportOverdue() || (r.reportedAt() == null ? now.isAfter(w.reportDue()) : r.reportedAt().isAfter(w.reportDue())),
                mine != null && r.departmentId() == mine,
                blower && r.reportedAt() != null && r.rating() == null)).toList();
        Line own = lines.stream().filter(Line::mine).findFirst().orElse(null);
        return new Item(w, lines, blower, own != null, own != null && own.r().acknowledgedAt() != null,
                own != null && own.r().reportedAt() != null, own != null && own.r().releasedAt() != null,
                blowerLabel(w, LocaleContextHolder.getLocale()));
    }

    /**
     * Who blew the whistle in the reader's language: a chief's level from the bundle before his name (an earlier
     * row's name held the level in Chinese: that word is left out), anyone else's name as stored.
     */
    private String blowerLabel(WhistleView w, Locale locale) {
        if (w.blowerLevel() == null) {
            return w.blowerName();
        }
        String name = EARLIER_LEVEL.matcher(w.blowerName()).replaceFirst("");
        return messages.getMessage("roads.whistle.blower", new Object[] {
                messages.getMessage("roads.chief.level." + w.blowerLevel(), null, locale), name}, locale);
    }
}
