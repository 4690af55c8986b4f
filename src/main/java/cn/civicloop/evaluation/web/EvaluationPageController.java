package cn.civicloop.evaluation.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.directory.Actor;
import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.evaluation.internal.Indicators;
import cn.civicloop.evaluation.internal.Objections;
import cn.civicloop.evaluation.internal.Snapshots;
import cn.civicloop.evaluation.internal.Workbooks;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The evaluation pages: {@code /evaluation} (period picker, red and black lists, the whole ranking, drafts and
 * publication for the office), a subject's figures with drill-down to its cases, the objection queue, the
 * indicators, and the Excel file of a published period {@code /evaluation/{period}.xlsx}.
 */
@Controller
class EvaluationPageController {

    private final Ranking ranking;
    private final Snapshots snapshots;
    private final Objections objections;
    private final Indicators indicators;
    private final Workbooks workbooks;
    private final MessageSource messages;
    private final java.time.Clock clock;

    EvaluationPageController(Ranking ranking, Snapshots snapshots, Objections objections, Indicators indicators,
            Workbooks workbooks, MessageSource messages, java.time.Clock clock) {
        this.ranking = ranking;
        this.snapshots = snapshots;
        this.objections = objections;
        this.indicators = indicators;
        this.workbooks = workbooks;
        this.messages = messages;
        this.clock = clock;
    }

    private String lastMonth() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), DistrictTime.ZONE)).minusMonths(1).toString();
    }

    private String forbidden(Actor actor, HttpServletResponse response) {
        if (!EvaluationAccess.readsAll(actor) && !EvaluationAccess.department(actor)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "evaluation/forbidden";
        }
        return null;
    }

    @GetMapping("/evaluation")
    String board(@RequestParam(required = false) String period, @RequestParam(defaultValue = "DEPARTMENT") String kind,
            @RequestParam(defaultValue = "false") boolean draft, @RequestParam(required = false) String error,
            Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        String refused = forbidden(actor, response);
        if (refused != null) {
            return refused;
        }
        model.addAttribute("error", error);
        Period p = Period.parse(period == null || period.isBlank() ? lastMonth() : period);
        SubjectKind k = EvaluationApiController.kind(kind);
        boolean office = actor.has(cn.civicloop.directory.Role.EVALUATION_OFFICER);
        model.addAttribute("actor", actor);
        model.addAttribute("office", office);
        model.addAttribute("readsAll", EvaluationAccess.readsAll(actor));
        model.addAttribute("period", p);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", SubjectKind.values());
        model.addAttribute("draft", draft && office);
        model.addAttribute("board", ranking.board(actor, p, k, draft && office));
        model.addAttribute("versions", EvaluationAccess.readsAll(actor) ? snapshots.versions(p.key()) : java.util.List.of());
        model.addAttribute("hasDraft", snapshots.draft(p.key()).isPresent());
        return "evaluation/board";
    }

    @PostMapping("/evaluation/periods")
    String act(@RequestParam String period, @RequestParam String step, Locale locale, Model model,
            HttpServletResponse response) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        Period p = Period.parse(period);
        try {
            if ("publish".equals(step)) {
                snapshots.publish(p, actor.username());
                return "redirect:/evaluation?period=" + p.key();
            }
            snapshots.computeDraft(p, actor.username());
            return "redirect:/evaluation?draft=true&period=" + p.key();
        } catch (DomainException refused) {
            // the reason in the reader's language
            return "redirect:/evaluation?period=" + p.key() + "&error=" + java.net.URLEncoder.encode(
                    cn.civicloop.shared.web.RefusalText.in(refused, locale), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/evaluation/{period}/subjects/{kind}/{key}")
    String subject(@PathVariable String period, @PathVariable String kind, @PathVariable String key,
            @RequestParam(defaultValue = "false") boolean draft, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        String refused = forbidden(actor, response);
        if (refused != null) {
            return refused;
        }
        Period p = Period.parse(period);
        SubjectKind k = EvaluationApiController.kind(kind);
        boolean office = actor.has(cn.civicloop.directory.Role.EVALUATION_OFFICER);
        model.addAttribute("period", p);
        model.addAttribute("subject", ranking.subject(actor, p, k, key, draft && office));
        model.addAttribute("indicators", ranking.indicatorsByCode());
        model.addAttribute("trend", snapshots.trend(k, key, 12));
        model.addAttribute("draft", draft && office);
        return "evaluation/subject";
    }

    @GetMapping("/evaluation/{period}/subjects/{kind}/{key}/cases")
    String cases(@PathVariable String period, @PathVariable String kind, @PathVariable String key,
            @RequestParam String indicator, @RequestParam(defaultValue = "0") int term,
            @RequestParam(defaultValue = "0") long after, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        String refused = forbidden(actor, response);
        if (refused != null) {
            return refused;
        }
        model.addAttribute("drill", ranking.drillDown(actor, Period.parse(period), EvaluationApiController.kind(kind),
                key, indicator, term, after));
        model.addAttribute("indicator", indicators.get(indicator));
        return "evaluation/cases";
    }

    @GetMapping("/evaluation/{period}/subjects/POLICE_BLOCK/{block}/incidents")
    String incidents(@PathVariable String period, @PathVariable String block, @RequestParam int priority,
            @RequestParam(defaultValue = "0") long after, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        String refused = forbidden(actor, response);
        if (refused != null) {
            return refused;
        }
        model.addAttribute("drill", ranking.responses(actor, Period.parse(period), block, priority, after));
        model.addAttribute("indicator", indicators.get(Ranking.RESPONSE_INDICATOR));
        model.addAttribute("priority", priority);
        return "evaluation/cases";
    }

    @GetMapping("/evaluation/objections")
    String objections(@RequestParam(required = false) String status, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        String refused = forbidden(actor, response);
        if (refused != null) {
            return refused;
        }
        Long own = EvaluationAccess.readsAll(actor) ? null : actor.departmentId();
        model.addAttribute("objections", objections.list(status == null || status.isBlank() ? null : status, own, 200));
        model.addAttribute("office", actor.has(cn.civicloop.directory.Role.EVALUATION_OFFICER));
        model.addAttribute("department", EvaluationAccess.department(actor));
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("reasons", new java.util.TreeSet<>(Objections.REASONS));
        return "evaluation/objections";
    }

    @PostMapping("/evaluation/objections")
    String file(@RequestParam String caseNumber, @RequestParam(required = false) java.util.List<String> indicator,
            @RequestParam String reasonKind, @RequestParam String reason,
            @RequestParam(required = false) String evidence) {
        Actor actor = Actors.current();
        if (!EvaluationAccess.department(actor)) {
            throw new cn.civicloop.shared.ForbiddenException(
                    Phrase.of("problem.evaluation.departments-object", "仅承办单位可申诉"));
        }
        objections.file(new Objections.Filing(caseNumber, indicator, reasonKind, reason, evidence), actor);
        return "redirect:/evaluation/objections";
    }

    @PostMapping("/evaluation/objections/{id}/decision")
    String decide(@PathVariable long id, @RequestParam boolean accept, @RequestParam String reason) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        objections.decide(id, accept, reason, actor);
        return "redirect:/evaluation/objections";
    }

    @GetMapping("/evaluation/{period}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String period, Locale locale) {
        Actor actor = Actors.current();
        EvaluationAccess.reads(actor);
        if (!EvaluationAccess.readsAll(actor)) {
            throw new cn.civicloop.shared.ForbiddenException(
                    Phrase.of("problem.evaluation.export-readers", "导出仅限领导和考评办"));
        }
        Period p = Period.parse(period);
        Snapshots.Snapshot s = snapshots.published(p.key())
                .orElseThrow(() -> new NotFoundException(
                        Phrase.of("problem.evaluation.not-published", "此时段尚未发布：{0}", p.key())));
        Map<SubjectKind, String> sheets = new EnumMap<>(SubjectKind.class);
        for (SubjectKind k : SubjectKind.values()) {
            sheets.put(k, messages.getMessage("evaluation.kind." + k.name(), null, k.name(), locale));
        }
        Map<String, String> headers = new java.util.HashMap<>();
        for (String h : java.util.List.of("rank", "subject", "score", "grade", "inputs")) {
            headers.put(h, messages.getMessage("evaluation.column." + h, null, h, locale));
        }
        for (String h : java.util.List.of("police", "priority", "incidents", "onScene", "onTime", "target", "median",
                "p90")) {
            headers.put(h, messages.getMessage("evaluation.sheet." + h, null, h, locale));
        }
        byte[] bytes = workbooks.of(s, locale, sheets, headers);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation-" + p.key() + "-v"
                        + s.version() + ".xlsx\"")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(bytes);
    }
}
