package cn.civicloop.knowledge.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.knowledge.KnowledgeSearch;
import cn.civicloop.knowledge.internal.DirectAnswers;
import cn.civicloop.knowledge.internal.KnowledgeProperties;
import cn.civicloop.knowledge.internal.ReplyReviews;
import cn.civicloop.knowledge.internal.ReplyTemplates;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.RefusalText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The knowledge base's htmx fragments in other modules' pages: articles suggested on the phone registration page as
 * the operator types, with a direct answer from one of them (the call is registered and answered at once); and the
 * panel of the staff case page — articles to answer from while the case may be answered, the article that answered
 * it, reply templates, and the reply review once a department has replied.
 */
@Controller
class KnowledgeFragmentController {

    private final KnowledgeSearch search;
    private final DirectAnswers answers;
    private final ReplyReviews reviews;
    private final ReplyTemplates templates;
    private final CaseQueries cases;
    private final KnowledgeProperties properties;
    private final Validator validator;

    KnowledgeFragmentController(KnowledgeSearch search, DirectAnswers answers, ReplyReviews reviews,
            ReplyTemplates templates, CaseQueries cases, KnowledgeProperties properties, Validator validator) {
        this.search = search;
        this.answers = answers;
        this.reviews = reviews;
        this.templates = templates;
        this.cases = cases;
        this.properties = properties;
        this.validator = validator;
    }

    @RequestMapping(path = "/workbench/knowledge/suggest", method = { RequestMethod.GET, RequestMethod.POST })
    String suggest(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String content,
            Model model) {
        model.addAttribute("hits", search.search(title + "\n" + content, properties.suggestions()));
        model.addAttribute("mayAnswer", Actors.current().has(cn.civicloop.directory.Role.OPERATOR));
        model.addAttribute("typed", !(title.isBlank() && content.isBlank()));
        return "knowledge/fragments :: phone";
    }

    /** Registers the call typed on the phone page and answers it from the article, then opens the closed case. */
    @PostMapping("/workbench/knowledge/answer-call")
    String answerCall(@RequestParam Map<String, String> p, Model model, HttpServletResponse response) {
        AppealForm form = phoneForm(p);
        try {
            for (ConstraintViolation<AppealForm> v : validator.validate(form)) {
                throw new cn.civicloop.shared.InvalidInputException(v.getPropertyPath().toString(), v.getMessage());
            }
            OpenedCase opened = answers.answerCall(form, longOf(p.get("articleId")), intOf(p.get("version")),
                    Actors.current());
            response.setHeader("HX-Redirect", "/workbench/cases/" + opened.number());
            model.addAttribute("answered", opened.number());
        } catch (ForbiddenException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("error", RefusalText.of(e));
        }
        return "knowledge/fragments :: outcome";
    }

    @GetMapping("/workbench/knowledge/cases/{number}")
    String casePanel(@PathVariable String number, Model model) {
        Actor actor = Actors.current();
        CaseView view = cases.view(number, actor);
        boolean answerable = view.allowedActions().contains(CaseAction.ANSWER);
        model.addAttribute("view", view);
        model.addAttribute("answerable", answerable);
        model.addAttribute("hits", answerable
                ? search.search(view.title() + "\n" + view.content(), properties.suggestions()) : List.of());
        model.addAttribute("answeredBy", answers.of(number).orElse(null));
        model.addAttribute("review", reviews.of(number, actor).orElse(null));
        model.addAttribute("templates", view.allowedActions().contains(CaseAction.REPLY)
                ? templates.forCase(view, CaseAction.REPLY) : List.of());
        return "knowledge/fragments :: case";
    }

    @PostMapping("/workbench/knowledge/cases/{number}/answer")
    String answerCase(@PathVariable String number, @RequestParam Map<String, String> p, Model model,
            HttpServletResponse response) {
        try {
            answers.answerCase(number, longOf(p.get("articleId")), intOf(p.get("version")), Actors.current());
            response.setHeader("HX-Redirect", "/workbench/cases/" + number);
            model.addAttribute("answered", number);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("error", RefusalText.of(e));
        }
        return "knowledge/fragments :: outcome";
    }

    /** The phone registration form as the intake reads it (channel 12345, the form's one-time id as reference). */
    private static AppealForm phoneForm(Map<String, String> p) {
        String id = p.get("submissionId");
        String externalRef = id != null && id.matches("[0-9a-f-]{36}") ? "tel-" + id : null;
        return new AppealForm(Channel.HOTLINE_12345, externalRef, parse(AppealKind.class, p.get("kind")),
                parse(Urgency.class, p.get("urgency")), null, p.get("title"), p.get("content"), null,
                p.get("address"), new AppealForm.Contact(p.get("name"), p.get("phone")),
                "on".equals(p.get("anonymous")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long longOf(String s) {
        try {
            return Long.parseLong(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int intOf(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
