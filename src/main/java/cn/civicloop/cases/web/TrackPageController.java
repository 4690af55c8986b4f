package cn.civicloop.cases.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.ContactErasure;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.shared.DomainException;

/**
 * The resident's tracking page (owner: RESIDENT, proven by number + tracking code). Number and code reach the server
 * only in form bodies, never in a request line, so they do not end up in logs. The link a resident keeps carries
 * them in the URL's fragment, which the page's script posts ({@link cn.civicloop.cases.TrackingLink}, ADR 0017).
 */
@Controller
class TrackPageController {

    private final CaseQueries queries;
    private final CaseManagement management;
    private final ContactErasure erasure;
    private final PublicWording wording;

    TrackPageController(CaseQueries queries, CaseManagement management, ContactErasure erasure,
            PublicWording wording) {
        this.queries = queries;
        this.management = management;
        this.erasure = erasure;
        this.wording = wording;
    }

    @GetMapping("/track")
    String form() {
        return "cases/track";
    }

    @PostMapping("/track")
    String track(@RequestParam String number, @RequestParam String token, Model model) {
        return show(number, token, model, () -> queries.publicView(caseNumber(number), token.strip()));
    }

    @PostMapping("/track/follow-up")
    String followUp(@RequestParam String number, @RequestParam String token, @RequestParam boolean resolved,
            @RequestParam Satisfaction satisfaction, @RequestParam(required = false) String comment, Model model) {
        return show(number, token, model,
                () -> management.answerFollowUp(caseNumber(number), token.strip(), resolved, satisfaction, comment));
    }

    @PostMapping("/track/reopen")
    String reopen(@RequestParam String number, @RequestParam String token, @RequestParam String reason, Model model) {
        return show(number, token, model, () -> management.reopen(caseNumber(number), token.strip(), reason));
    }

    /**
     * PIPL: the resident erases his name, phone and address from the case for good; only with the box ticked that
     * says he understands nobody can call him back any more (no script needed for the confirmation).
     */
    @PostMapping("/track/erase-contact")
    String eraseContact(@RequestParam String number, @RequestParam String token,
            @RequestParam(required = false) String confirm, Model model) {
        if (!"yes".equals(confirm)) {
            model.addAttribute("eraseUnconfirmed", true);
            return show(number, token, model, () -> queries.publicView(caseNumber(number), token.strip()));
        }
        String page = show(number, token, model, () -> erasure.eraseContact(caseNumber(number), token.strip()));
        if (model.getAttribute("error") == null) {
            model.addAttribute("erased", true);
        }
        return page;
    }

    private String show(String number, String token, Model model, java.util.function.Supplier<PublicCaseView> action) {
        model.addAttribute("number", caseNumber(number));
        model.addAttribute("token", token);
        try {
            model.addAttribute("view", wording.inRequestLanguage(action.get()));
        } catch (DomainException e) {
            model.addAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
            try {
                model.addAttribute("view",
                        wording.inRequestLanguage(queries.publicView(caseNumber(number), token.strip())));
            } catch (DomainException notFound) {
                // wrong number or code: show the form with the message only
            }
        }
        return "cases/track";
    }

    /** A number as read out on the phone may be typed in small letters ("sz-…"). */
    private static String caseNumber(String typed) {
        return typed.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
