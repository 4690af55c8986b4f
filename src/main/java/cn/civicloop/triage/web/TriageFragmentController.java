package cn.civicloop.triage.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.triage.internal.TriageDecider;
import cn.civicloop.triage.internal.TriageRecords;
import cn.civicloop.triage.internal.TriageViews;

/**
 * htmx fragments of triage for the staff pages (owner: district centre staff): live category suggestions while
 * the hotline operator types, and a case's recorded suggestions and likely duplicates for the dispatcher.
 */
@Controller
class TriageFragmentController {

    private final TriageDecider decider;
    private final TriageViews views;
    private final Directory directory;
    private final DuplicateReasons reasons;

    TriageFragmentController(TriageDecider decider, TriageViews views, Directory directory, DuplicateReasons reasons) {
        this.decider = decider;
        this.views = views;
        this.directory = directory;
        this.reasons = reasons;
    }

    @RequestMapping(path = "/workbench/triage/suggest", method = { RequestMethod.GET, RequestMethod.POST })
    String suggest(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "HOTLINE_12345") String channel, Model model) {
        Actor actor = Actors.current();
        if (!actor.isStaff()) {
            throw new ForbiddenException(Phrase.of("problem.triage.staff-only", "仅限工作人员"));
        }
        String t = cut(title, 200);
        String c = cut(content, 10000);
        if (t.isBlank() && c.isBlank()) {
            model.addAttribute("suggestions", List.of());
            return "triage/suggestions :: suggest";
        }
        var outcome = decider.decide(t, c, channel, List.of());
        model.addAttribute("outcome", outcome);
        model.addAttribute("suggestions", outcome.suggestions());
        model.addAttribute("names", names(outcome.suggestions(), outcome.targetDepartment()));
        return "triage/suggestions :: suggest";
    }

    @GetMapping("/workbench/triage/cases/{number}")
    String ofCase(@PathVariable String number, Model model, Locale locale) {
        try {
            TriageViews.CaseTriage triage = views.of(number, Actors.current());
            model.addAttribute("triage", triage);
            model.addAttribute("reasons", reasons.of(triage.duplicates(), locale));
            model.addAttribute("names", names(triage.suggestions(),
                    triage.decision() == null ? null : triage.decision().departmentCode()));
        } catch (DomainException e) {
            model.addAttribute("triage", null);
        }
        return "triage/suggestions :: case";
    }

    /**
     * The hint of each listed case, swapped into the dispatcher's queue out of band (one request): the hazard rule
     * that matched it, else the classifier's top suggestion.
     */
    @GetMapping("/workbench/triage/hints")
    String hints(@RequestParam(name = "n", required = false) List<String> numbers, Model model) {
        Map<String, TriageRecords.Suggestion> hints = new LinkedHashMap<>();
        Map<String, TriageRecords.Decision> hazards = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String number : numbers == null ? List.<String>of() : numbers.stream().limit(50).toList()) {
            try {
                TriageViews.CaseTriage triage = views.of(number, Actors.current());
                if (triage.decision() != null && triage.decision().hazard() != null) {
                    hazards.put(number, triage.decision());
                    names.putAll(names(List.of(), triage.decision().departmentCode()));
                } else {
                    triage.suggestions().stream().findFirst().ifPresent(s -> hints.put(number, s));
                    names.putAll(names(triage.suggestions().stream().limit(1).toList(), null));
                }
            } catch (DomainException e) {
                // not for this viewer, or no such case: no hint
            }
        }
        model.addAttribute("hints", hints);
        model.addAttribute("hazards", hazards);
        model.addAttribute("names", names);
        return "triage/suggestions :: hints";
    }

    /** The names of the departments the suggestions and the hazard rule point to, by code. */
    private Map<String, String> names(List<TriageRecords.Suggestion> suggestions, String hazardDepartment) {
        Map<String, String> names = new LinkedHashMap<>();
        java.util.stream.Stream.concat(suggestions.stream().map(TriageRecords.Suggestion::departmentCode),
                java.util.stream.Stream.ofNullable(hazardDepartment)).filter(java.util.Objects::nonNull)
                .forEach(code -> names.put(code, directory.departmentByCode(code).map(Department::name).orElse(code)));
        return names;
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }
}
