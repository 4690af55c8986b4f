package cn.civicloop.roads.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.security.Actors;
import cn.civicloop.roads.internal.whistles.WhistleForm;
import cn.civicloop.roads.internal.whistles.WhistleReader;
import cn.civicloop.roads.internal.whistles.WhistleView;
import cn.civicloop.roads.internal.whistles.WhistleWorkflow;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Whistles (吹哨报到) over the API. Owners: chiefs, leaders and the departments' staff; the module shows each
 * department only the whistles that name it.
 */
@RestController
@RequestMapping("/api/v1/roads/whistles")
@Tag(name = "roads", description = "Road chiefs: roads, chiefs, patrols, issues, whistles, briefing")
class WhistleApiController {

    private final WhistleWorkflow whistles;
    private final WhistleReader reader;
    private final MessageSource messages;

    WhistleApiController(WhistleWorkflow whistles, WhistleReader reader, MessageSource messages) {
        this.whistles = whistles;
        this.reader = reader;
        this.messages = messages;
    }

    /** The timer's notes in the reader's language. */
    private WhistleView worded(WhistleView w) {
        return WhistleNotes.worded(w, messages, LocaleContextHolder.getLocale());
    }

    record Rating(int score, String comment) {
    }

    @GetMapping
    List<WhistleView> visible() {
        return reader.visible(Actors.current(), 50).stream().map(this::worded).toList();
    }

    @PostMapping
    WhistleView blow(@Valid @RequestBody WhistleForm form) {
        return worded(whistles.blow(Actors.current(), form));
    }

    @GetMapping("/{id}")
    WhistleView whistle(@PathVariable long id) {
        return worded(reader.view(id, Actors.current()));
    }

    @PostMapping("/{id}/{action}")
    WhistleView act(@PathVariable long id, @PathVariable String action,
            @RequestBody(required = false) IssueApiController.Remark body) {
        return worded(whistles.act(id, action, Actors.current(), body == null ? null : body.remark()));
    }

    @PostMapping("/{id}/departments/{departmentId}/rating")
    WhistleView rate(@PathVariable long id, @PathVariable long departmentId, @RequestBody Rating rating) {
        return worded(whistles.rate(id, departmentId, Actors.current(), rating.score(), rating.comment()));
    }
}
