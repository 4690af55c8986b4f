package cn.civicloop.evaluation.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.evaluation.internal.Audit;
import cn.civicloop.evaluation.internal.Indicator;
import cn.civicloop.evaluation.internal.Indicators;
import cn.civicloop.evaluation.internal.Weights;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.RefusalText;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The indicator and weight admin page ({@code /evaluation/indicators}): everyone who reads the evaluation sees the
 * indicators, each one's history and the weights of every kind; the evaluation office edits a formula or a kind's
 * weights with a reason. A refused edit shows the page again with the reason in the reader's language and what was
 * typed, and changes nothing.
 */
@Controller
class IndicatorAdminPageController {

    private final Indicators indicators;
    private final Weights weights;
    private final Audit audit;

    IndicatorAdminPageController(Indicators indicators, Weights weights, Audit audit) {
        this.indicators = indicators;
        this.weights = weights;
        this.audit = audit;
    }

    @GetMapping("/evaluation/indicators")
    String page(@RequestParam(required = false) String changed, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        if (!EvaluationAccess.readsAll(actor) && !EvaluationAccess.department(actor)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "evaluation/forbidden";
        }
        model.addAttribute("changed", changed);
        return show(actor, model);
    }

    @PostMapping("/evaluation/indicators/{code}")
    String editFormula(@PathVariable String code, @RequestParam String formula, @RequestParam String reason,
            Locale locale, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        try {
            Indicator now = indicators.get(code);
            indicators.edit(code, new Indicators.Change(now.nameZh(), now.nameEn(), formula, now.direction(),
                    now.unit(), reason), actor.username());
        } catch (DomainException refused) {
            return refused(refused, locale, "indicator-" + code, Map.of("formula", formula, "reason", reason), actor,
                    model, response);
        }
        return "redirect:/evaluation/indicators?changed=" + code;
    }

    @PostMapping("/evaluation/weights/{kind}")
    String editWeights(@PathVariable String kind, @RequestParam Map<String, String> form, Locale locale, Model model,
            HttpServletResponse response) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        SubjectKind k = EvaluationApiController.kind(kind);
        String reason = form.getOrDefault("reason", "");
        try {
            Map<String, BigDecimal> set = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (name.startsWith("weight.") && value != null && !value.isBlank()) {
                    set.put(name.substring("weight.".length()), number(name, value.strip()));
                }
            });
            weights.set(k, set, reason, actor.username());
        } catch (DomainException refused) {
            return refused(refused, locale, "weights-" + k.name(), form, actor, model, response);
        }
        return "redirect:/evaluation/indicators?changed=" + k.name();
    }

    private static BigDecimal number(String field, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            throw new cn.civicloop.shared.InvalidInputException(field,
                    cn.civicloop.shared.Phrase.of("problem.evaluation.weight-number", "权重应为数字：{0}", value));
        }
    }

    private String refused(DomainException refused, Locale locale, String form, Map<String, String> typed,
            Actor actor, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", RefusalText.in(refused, locale));
        model.addAttribute("errorForm", form);
        model.addAttribute("typed", typed);
        return show(actor, model);
    }

    private String show(Actor actor, Model model) {
        List<Indicator> all = indicators.all();
        Map<String, List<Indicators.Version>> history = new LinkedHashMap<>();
        all.forEach(i -> history.put(i.code(), indicators.history(i.code())));
        Map<SubjectKind, Map<String, Double>> sets = new LinkedHashMap<>();
        Map<SubjectKind, List<Audit.Entry>> changes = new LinkedHashMap<>();
        for (SubjectKind k : SubjectKind.values()) {
            sets.put(k, weights.of(k));
            changes.put(k, audit.of("WEIGHTS", k.name()));
        }
        model.addAttribute("indicators", all);
        model.addAttribute("history", history);
        // each kind's form lists the percentages figured for it (the road kinds their own four)
        Map<SubjectKind, List<Indicator>> weighable = new LinkedHashMap<>();
        for (SubjectKind k : SubjectKind.values()) {
            weighable.put(k, all.stream().filter(i -> i.percent() && i.appliesTo(k)).toList());
        }
        model.addAttribute("percentIndicators", weighable);
        model.addAttribute("weights", sets);
        model.addAttribute("weightChanges", changes);
        model.addAttribute("office", actor.has(Role.EVALUATION_OFFICER));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "evaluation/indicators";
    }
}
