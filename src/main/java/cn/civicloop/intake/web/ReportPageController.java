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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.TrackingLink;
import cn.civicloop.geo.Datum;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.SharedProperties;
import cn.civicloop.shared.web.Uploads;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The residents' report page (owner: public). The form carries a one-time submission id as its external reference,
 * so a double click or a resent form gives the same case, not two.
 */
@Controller
class ReportPageController {

    private final AppealIntake intake;
    private final Validator validator;
    private final SharedProperties settings;

    ReportPageController(AppealIntake intake, Validator validator, SharedProperties settings) {
        this.settings = settings;
        this.intake = intake;
        this.validator = validator;
    }

    @GetMapping("/report")
    String form(Model model) {
        model.addAttribute("submissionId", UUID.randomUUID().toString());
        model.addAttribute("kinds", AppealKind.chosenByPeople());
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "intake/report";
    }

    @PostMapping("/report")
    String submit(@RequestParam Map<String, String> params,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
            HttpSession session) {
        AppealForm form = form(params);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<AppealForm> v : validator.validate(form)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), cn.civicloop.shared.web.RefusalText.of(v.getMessage()));
        }
        if (errors.isEmpty()) {
            try {
                OpenedCase opened = intake.submit(form, Uploads.of(photos), Actors.current());
                opened = FirstAnswers.sameBrowser(session, form.externalRef(), opened);
                model.addAttribute("opened", opened);
                if (opened.trackingToken() != null) {
                    String site = settings.publicUrlOrNull() != null ? settings.publicUrlOrNull()
                            : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
                    String link = site + new TrackingLink(opened.number(), opened.trackingToken()).path();
                    model.addAttribute("trackingLink", link);
                    model.addAttribute("trackingQr", QrCodes.pngDataUri(link));
                }
                return "intake/report-done";
            } catch (DomainException e) {
                e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), cn.civicloop.shared.web.RefusalText.of(p)));
                errors.putIfAbsent("form", cn.civicloop.shared.web.RefusalText.of(e));
            }
        }
        model.addAttribute("submissionId", params.getOrDefault("submissionId", UUID.randomUUID().toString()));
        model.addAttribute("kinds", AppealKind.chosenByPeople());
        model.addAttribute("values", params);
        model.addAttribute("errors", errors);
        return "intake/report";
    }

    private static AppealForm form(Map<String, String> p) {
        AppealForm.Location location = null;
        if (notBlank(p.get("lat")) && notBlank(p.get("lon"))) {
            try {
                location = new AppealForm.Location(Double.valueOf(p.get("lat")), Double.valueOf(p.get("lon")), Datum.WGS84);
            } catch (NumberFormatException e) {
                location = null;
            }
        }
        AppealKind kind = null;
        if (notBlank(p.get("kind"))) {
            try {
                kind = AppealKind.valueOf(p.get("kind"));
            } catch (IllegalArgumentException e) {
                kind = null;
            }
        }
        String id = p.get("submissionId");
        String externalRef = id != null && id.matches("[0-9a-f-]{36}") ? "web-" + id : null;
        return new AppealForm(Channel.WEBSITE, externalRef, kind, null, null, p.get("title"), p.get("content"),
                location, p.get("address"), new AppealForm.Contact(p.get("name"), p.get("phone")),
                "on".equals(p.get("anonymous")), "on".equals(p.get("publish")), "on".equals(p.get("publishPhotos")));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
