package cn.civicloop.roads.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.issues.IssueReader;
import cn.civicloop.roads.internal.issues.IssueReport;
import cn.civicloop.roads.internal.issues.IssueView;
import cn.civicloop.roads.internal.issues.IssueWorkflow;
import cn.civicloop.shared.web.Uploads;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Issues found on the road, over the API: report (with photos), read, and the holder's actions. */
@RestController
@RequestMapping("/api/v1/roads/issues")
@Tag(name = "roads", description = "Road chiefs: roads, chiefs, patrols, issues, whistles, briefing")
class IssueApiController {

    private final Chiefs chiefs;
    private final IssueWorkflow issues;
    private final IssueReader reader;

    IssueApiController(Chiefs chiefs, IssueWorkflow issues, IssueReader reader) {
        this.chiefs = chiefs;
        this.issues = issues;
        this.reader = reader;
    }

    /** The remark (or resolution) of an action on an issue or a whistle. */
    record Remark(String remark) {
    }

    @GetMapping
    List<IssueView> visible() {
        Actor actor = Actors.current();
        return reader.visible(actor, chiefs.find(actor).orElse(null), 100);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    IssueView report(@Valid @RequestBody IssueReport form) {
        return issues.report(chiefs.of(Actors.current()), form, List.of(), List.of());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IssueView reportWithPhotos(@Valid @RequestPart("issue") IssueReport form,
            @RequestPart(name = "before", required = false) List<MultipartFile> before,
            @RequestPart(name = "after", required = false) List<MultipartFile> after) {
        return issues.report(chiefs.of(Actors.current()), form, Uploads.of(before), Uploads.of(after));
    }

    @GetMapping("/{id}")
    IssueView issue(@PathVariable long id) {
        return reader.view(id, Actors.current());
    }

    @PostMapping("/{id}/{action}")
    IssueView act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) Remark body) {
        Actor actor = Actors.current();
        return issues.act(id, action, chiefs.of(actor), actor, body == null ? null : body.remark());
    }
}
