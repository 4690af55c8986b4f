package cn.civicloop.cases.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.SlaRules;
import cn.civicloop.cases.Urgency;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.RefusalText;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.FormValues;
import jakarta.servlet.http.HttpServletResponse;

/** Time limits (办理时限) and the escalation ladder (督办规则). Owner role: ADMIN (see CaseEndpoints). */
@Controller
class AdminSlaController {

    private static final Map<String, String> NEW_LIMIT = Map.of("scope", "*", "urgency", "NORMAL", "stage", "HANDLE",
            "unit", "WORKING_DAYS");
    private static final Map<String, String> NEW_RUNG = Map.of("stage", "HANDLE", "step", "REMIND");

    private final SlaRules rules;
    private final MessageSource messages;

    AdminSlaController(SlaRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping("/admin/sla")
    String page(Model model) {
        return show(model, new FormValues(NEW_LIMIT), new FormValues(NEW_RUNG));
    }

    @PostMapping("/admin/sla/limits")
    String saveLimit(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash,
            HttpServletResponse response, Locale locale) {
        FormValues form = new FormValues(params);
        try {
            Urgency urgency = form.choice("urgency", Urgency.class);
            LimitUnit unit = form.choice("unit", LimitUnit.class);
            Long amount = form.number("amount");
            if (amount == null) {
                form.errors().putIfAbsent("amount", RefusalText.of(
                        Phrase.of("problem.cases.amount-required", "请输入时限")));
            }
            form.throwIfInvalid();
            rules.saveTimeLimit(new SlaRules.LimitRule(form.text("scope"), urgency, form.text("stage"), clamp(amount),
                    unit));
            flash.addFlashAttribute("saved", scopeLabel(form.text("scope").strip(), locale) + " · "
                    + messages.getMessage("admin.sla.stage." + form.text("stage"), null, form.text("stage"), locale));
            return "redirect:/admin/sla";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, form, new FormValues(NEW_RUNG));
        }
    }

    @PostMapping("/admin/sla/ladder")
    String saveRung(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash,
            HttpServletResponse response, Locale locale) {
        FormValues form = new FormValues(params);
        try {
            ClockStage stage = form.choice("stage", ClockStage.class);
            EscalationStep step = form.choice("step", EscalationStep.class);
            Long percent = form.number("percent");
            if (percent == null) {
                form.errors().putIfAbsent("percent", RefusalText.of(
                        Phrase.of("problem.cases.percent-required", "请输入百分比")));
            }
            form.throwIfInvalid();
            rules.saveRung(new SlaRules.Rung(stage, clamp(percent), step));
            flash.addFlashAttribute("saved", stageLabel(stage, locale) + " " + percent + "%");
            return "redirect:/admin/sla";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, new FormValues(NEW_LIMIT), form);
        }
    }

    @PostMapping("/admin/sla/ladder/{stage}/{percent}/delete")
    String removeRung(@PathVariable ClockStage stage, @PathVariable int percent, RedirectAttributes flash,
            Locale locale) {
        rules.removeRung(stage, percent);
        flash.addFlashAttribute("saved", stageLabel(stage, locale) + " " + percent + "%");
        return "redirect:/admin/sla";
    }

    /** A scope as the list shows it: all, an appeal kind's name in the page's language, or the category as typed. */
    private String scopeLabel(String scope, Locale locale) {
        if (scope.equals("*")) {
            return messages.getMessage("admin.sla.scope.all", null, locale);
        }
        boolean kind = Arrays.stream(AppealKind.values()).anyMatch(k -> k.name().equals(scope));
        return kind ? messages.getMessage("kind." + scope, null, scope, locale) : scope;
    }

    private String stageLabel(ClockStage stage, Locale locale) {
        return messages.getMessage("admin.sla.stage." + stage.name(), null, stage.name(), locale);
    }

    /** Out-of-range numbers stay out of range (so that validation names them) without overflowing an int. */
    private static int clamp(Long value) {
        return (int) Math.max(-1, Math.min(value, 1_000_000));
    }

    private String show(Model model, FormValues limit, FormValues rung) {
        model.addAttribute("limits", rules.timeLimits());
        model.addAttribute("ladder", rules.ladder());
        model.addAttribute("stages", SlaRules.LIMIT_STAGES);
        model.addAttribute("clockStages", ClockStage.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("units", LimitUnit.values());
        model.addAttribute("steps", EscalationStep.values());
        model.addAttribute("kinds", AppealKind.values());
        model.addAttribute("values", limit.values());
        model.addAttribute("errors", limit.errors());
        model.addAttribute("rungValues", rung.values());
        model.addAttribute("rungErrors", rung.errors());
        return "cases/admin-sla";
    }
}
