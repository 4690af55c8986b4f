package cn.civicloop.intake.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.Urgency;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The hotline operator's phone registration (owner: operator; the intake refuses others): a keyboard-first form
 * whose appeal, channel 12345, is registered at once. A one-time id makes a resent form open no second case.
 */
@Controller
class PhoneRegistrationPageController {

    private final AppealIntake intake;
    private final Validator validator;

    PhoneRegistrationPageController(AppealIntake intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
    }

    @GetMapping("/workbench/phone")
    String form(Model model) {
        return page(model, Map.of(), Map.of());
    }

    @PostMapping("/workbench/phone")
    String submit(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpSession session) {
        AppealForm form = form(params);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<AppealForm> v : validator.validate(form)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), cn.civicloop.shared.web.RefusalText.of(v.getMessage()));
        }
        if (errors.isEmpty()) {
            try {
                OpenedCase opened = intake.submit(form, List.of(), Actors.current());
                redirect.addFlashAttribute("opened", FirstAnswers.sameBrowser(session, form.externalRef(), opened));
                return "redirect:/workbench/phone";
            } catch (DomainException e) {
                e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), cn.civicloop.shared.web.RefusalText.of(p)));
                errors.putIfAbsent("form", cn.civicloop.shared.web.RefusalText.of(e));
            }
        }
        return page(model, params, errors);
    }

    private static String page(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("submissionId", values.getOrDefault("submissionId", UUID.randomUUID().toString()));
        model.addAttribute("kinds", AppealKind.chosenByPeople());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "intake/phone";
    }

    private static AppealForm form(Map<String, String> p) {
        String id = p.get("submissionId");
        String externalRef = id != null && id.matches("[0-9a-f-]{36}") ? "tel-" + id : null;
        return new AppealForm(Channel.HOTLINE_12345, externalRef, parse(AppealKind.class, p.get("kind")),
                parse(Urgency.class, p.get("urgency")), null, p.get("title"), p.get("content"), null,
                p.get("address"), new AppealForm.Contact(p.get("name"), p.get("phone")),
                "on".equals(p.get("anonymous")), "on".equals(p.get("publish")), null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
