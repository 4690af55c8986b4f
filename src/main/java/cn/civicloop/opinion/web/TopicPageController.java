package cn.civicloop.opinion.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.opinion.Party;
import cn.civicloop.opinion.internal.LinkedResponses;
import cn.civicloop.opinion.internal.PublicAnswers;
import cn.civicloop.opinion.internal.TopicAccess;
import cn.civicloop.opinion.internal.TopicBoard;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.RefusalText;

/**
 * A topic's page: its posts (authors masked), its cases, the 1+N response with each party's task, deadline and
 * reply, the public answer and the response's timeline; and the forms each viewer may use there.
 */
@Controller
class TopicPageController {

    /** Partner rows of the opening form. */
    static final int PARTNER_ROWS = 4;

    private final TopicBoard board;
    private final TopicAccess access;
    private final LinkedResponses linked;
    private final PublicAnswers answers;

    TopicPageController(TopicBoard board, TopicAccess access, LinkedResponses linked, PublicAnswers answers) {
        this.board = board;
        this.access = access;
        this.linked = linked;
        this.answers = answers;
    }

    @GetMapping("/opinion/topics/{id}")
    String topic(@PathVariable String id, Model model) {
        Actor actor = Actors.current();
        access.check(id, actor);
        TopicBoard.TopicRow topic = board.topic(id).orElseThrow(() -> new NotFoundException(Phrase.of(
                "problem.opinion.topic-unknown", "没有话题 {0}", id)));
        Optional<LinkedResponses.View> response = linked.view(id);
        Optional<Party> party = linked.partyOf(id, actor);
        model.addAttribute("topic", topic);
        model.addAttribute("colours", OpinionPageController.COLOURS);
        model.addAttribute("posts", board.posts(id, 50));
        model.addAttribute("cases", board.cases(id, 50));
        model.addAttribute("response", response.orElse(null));
        model.addAttribute("officer", actor.has(Role.OPINION_OFFICER));
        model.addAttribute("party", party.orElse(null));
        model.addAttribute("departments", linked.departments());
        model.addAttribute("standing", linked.standingPartners());
        model.addAttribute("partnerRows", PARTNER_ROWS);
        return "opinion/topic";
    }

    @GetMapping("/opinion/tasks")
    String tasks(Model model) {
        List<TopicBoard.TopicRow> topics = new ArrayList<>();
        access.topicsWithTask(Actors.current(), 50).forEach(t -> board.topic(t).ifPresent(topics::add));
        model.addAttribute("topics", topics);
        model.addAttribute("colours", OpinionPageController.COLOURS);
        return "opinion/tasks";
    }

    @PostMapping("/opinion/topics/{id}/response")
    String open(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return act(id, model, () -> {
            List<LinkedResponses.Partner> partners = new ArrayList<>();
            for (int i = 0; i < PARTNER_ROWS; i++) {
                String department = form.getOrDefault("partner" + i, "");
                if (!department.isBlank()) {
                    partners.add(new LinkedResponses.Partner(number(department, "partner" + i),
                            form.get("task" + i)));
                }
            }
            String days = form.getOrDefault("workingDays", "");
            linked.open(id, new LinkedResponses.Opening(number(form.getOrDefault("leadDepartmentId", ""),
                    "leadDepartmentId"), form.get("leadTask"), partners,
                    days.isBlank() ? null : (int) number(days, "workingDays")), Actors.current());
        });
    }

    @PostMapping("/opinion/topics/{id}/replies")
    String reply(@PathVariable String id, @RequestParam(defaultValue = "") String text, Model model) {
        return act(id, model, () -> linked.reply(id, text, checked(id)));
    }

    @PostMapping("/opinion/topics/{id}/answer")
    String draft(@PathVariable String id, @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) Integer version, Model model) {
        return act(id, model, () -> answers.draft(id, text, version, checked(id)));
    }

    @PostMapping("/opinion/topics/{id}/answer/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) Integer version, Model model) {
        return act(id, model, () -> answers.approve(id, version, checked(id)));
    }

    @PostMapping("/opinion/topics/{id}/cases/{number}/merge")
    String merge(@PathVariable String id, @PathVariable String number, Model model) {
        return act(id, model, () -> linked.mergeCase(id, number, Actors.current()));
    }

    private Actor checked(String id) {
        Actor actor = Actors.current();
        access.check(id, actor);
        return actor;
    }

    /** Runs a change and shows the topic again; a refusal is shown on the page in the viewer's language. */
    private String act(String id, Model model, Runnable change) {
        try {
            change.run();
            return "redirect:/opinion/topics/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", RefusalText.of(e));
            return topic(id, model);
        }
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, Phrase.of("problem.opinion.number", "请填写数字"));
        }
    }
}
