package cn.civicloop.opinion.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.directory.Actor;
import cn.civicloop.opinion.internal.LinkedResponses;
import cn.civicloop.opinion.internal.PublicAnswers;
import cn.civicloop.opinion.internal.TopicAccess;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The "1+N" linked response of a topic and its public answer (owner roles in {@link OpinionEndpoints}). */
@Tag(name = "Online opinion")
@RestController
@RequestMapping("/api/v1/opinion")
class ResponseApiController {

    private final LinkedResponses linked;
    private final PublicAnswers answers;
    private final TopicAccess access;

    ResponseApiController(LinkedResponses linked, PublicAnswers answers, TopicAccess access) {
        this.linked = linked;
        this.answers = answers;
        this.access = access;
    }

    record Text(String text, Integer version) {
    }

    @Operation(summary = "Open the linked response: 1 lead department + N partners, each with its task")
    @PostMapping("/topics/{id}/response")
    ResponseEntity<LinkedResponses.View> open(@PathVariable String id, @RequestBody LinkedResponses.Opening body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(linked.open(id, body, Actors.current()));
    }

    @Operation(summary = "The linked response of a topic: tasks, deadlines, replies, answer, log")
    @GetMapping("/topics/{id}/response")
    LinkedResponses.View response(@PathVariable String id) {
        access.check(id, Actors.current());
        return linked.view(id).orElseThrow(() -> new NotFoundException(Phrase.of("problem.opinion.no-response",
                "话题 {0} 尚未发起联动处置", id)));
    }

    @Operation(summary = "A party's reply to its task (the lead's after every partner's)")
    @PostMapping("/topics/{id}/response/replies")
    LinkedResponses.View reply(@PathVariable String id, @RequestBody Text body) {
        Actor actor = checked(id);
        return linked.reply(id, body.text(), actor);
    }

    @Operation(summary = "The lead drafts the public answer (回帖)")
    @PostMapping("/topics/{id}/response/answer")
    LinkedResponses.View draft(@PathVariable String id, @RequestBody Text body) {
        Actor actor = checked(id);
        return answers.draft(id, body.text(), body.version(), actor);
    }

    @Operation(summary = "The 网信/宣传 partner approves the answer, which is posted and recorded with its address")
    @PostMapping("/topics/{id}/response/answer/approve")
    LinkedResponses.View approve(@PathVariable String id, @RequestBody(required = false) Text body) {
        Actor actor = checked(id);
        return answers.approve(id, body == null ? null : body.version(), actor);
    }

    @Operation(summary = "Merge a case of the topic into the response's case")
    @PostMapping("/topics/{id}/cases/{number}/merge")
    LinkedResponses.View merge(@PathVariable String id, @PathVariable String number) {
        return linked.mergeCase(id, number, Actors.current());
    }

    @Operation(summary = "The topics whose linked response gives the caller's department a task")
    @GetMapping("/tasks")
    Map<String, List<String>> tasks() {
        return Map.of("topics", access.topicsWithTask(Actors.current(), 50));
    }

    private Actor checked(String id) {
        Actor actor = Actors.current();
        access.check(id, actor);
        return actor;
    }
}
