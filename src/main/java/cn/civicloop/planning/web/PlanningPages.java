package cn.civicloop.planning.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.PlanningDefaults;
import cn.civicloop.planning.PlanningRefusal;
import cn.civicloop.planning.PlanningRuns;
import cn.civicloop.planning.RunView;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.RefusalText;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page {@code /planning} for the police command (POLICE_DISPATCHER and LEADER read and run): the form, the
 * current plan, the latest runs; a run's panel is an htmx fragment that re-reads itself every second while running.
 * A refusal is shown in the reader's language next to the form (a 200 fragment, so htmx swaps it in).
 */
@Controller
class PlanningPages {

    private static final String PANEL = "planning/run :: panel";
    private static final String REFUSAL = "planning/run :: refusal";

    private final PlanningRuns runs;
    private final JsonMapper json;
    private final Clock clock;

    PlanningPages(PlanningRuns runs, JsonMapper json, Clock clock) {
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/planning")
    String page(@RequestParam(required = false) Long run, Model model) {
        PlanningDefaults defaults = runs.defaults();
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        model.addAttribute("defaults", defaults);
        model.addAttribute("to", today);
        model.addAttribute("from", today.minusDays(defaults.periodDays() - 1L));
        model.addAttribute("recent", runs.recent(10));
        if (run != null) {
            runs.find(run).ifPresent(r -> model.addAttribute("panel", panel(r)));
        }
        return "planning/page";
    }

    @PostMapping("/planning/runs")
    String start(@RequestParam MultiValueMap<String, String> form, Principal principal, Model model, Locale locale) {
        try {
            model.addAttribute("panel", panel(runs.start(PlanningForm.parse(form), principal.getName())));
            return PANEL;
        } catch (PlanningRefusal e) {
            model.addAttribute("field", e.fieldProblems().get(0).field());
            model.addAttribute("refusal", RefusalText.in(e, locale));
            return REFUSAL;
        } catch (ConflictException e) {
            model.addAttribute("refusal", RefusalText.in(e, locale));
            return REFUSAL;
        }
    }

    @GetMapping("/planning/runs/{id}")
    String run(@PathVariable long id, Model model, Locale locale) {
        return runs.find(id).map(r -> {
            model.addAttribute("panel", panel(r));
            return PANEL;
        }).orElseGet(() -> {
            model.addAttribute("refusal", RefusalText.in(PlanningRuns.noSuchRun(id), locale));
            return REFUSAL;
        });
    }

    @PostMapping("/planning/runs/{id}/cancel")
    String cancel(@PathVariable long id, Principal principal, Model model, Locale locale) {
        try {
            runs.cancel(id, principal.getName());
        } catch (ConflictException | NotFoundException finishedOrUnknown) {
            // the panel below shows how it ended, or that there is no such run
        }
        return run(id, model, locale);
    }

    private RunPanel panel(RunView run) {
        Comparison c = run.result();
        if (c == null) {
            return RunPanel.of(run, null);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("minutes", java.util.stream.IntStream.range(0, c.station().reachedWithin().size()).boxed().toList());
        chart.put("station", c.station().reachedWithin());
        chart.put("patrol", c.patrol().reachedWithin());
        return RunPanel.of(run, json.writeValueAsString(chart));
    }

}
