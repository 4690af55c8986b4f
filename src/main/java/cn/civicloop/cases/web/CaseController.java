package cn.civicloop.cases.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.civicloop.cases.CaseActions;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseQueries.CaseFilter;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The staff API on cases (owner roles: operator, dispatcher, handler, department head, leader — each sees and
 * does only what {@code CaseAccess} allows; admins have no access to cases).
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "cases", description = "Cases (staff only)")
class CaseController {

    private final CaseManagement management;
    private final CaseQueries queries;
    private final CaseActions actions;

    CaseController(CaseManagement management, CaseQueries queries, CaseActions actions) {
        this.management = management;
        this.queries = queries;
        this.actions = actions;
    }

    @GetMapping
    @Operation(summary = "List the cases the caller may see, newest first",
            description = "q: a case number or a phone number finds exactly; other text searches titles. work: OPEN "
                    + "(not ended), ENDED or ANY (default) when no status is given. total stops at 1000 (more=true). "
                    + "Go on with after=<next of the previous page> (keyset paging); page numbers reach 1000 cases.")
    CaseQueries.CasePage list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String street, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "ANY") CaseQueries.Work work, @RequestParam(required = false) String after) {
        return queries.list(new CaseFilter(status, departmentId, channel, street, q, page, size, null, false, work,
                after), Actors.current());
    }

    @GetMapping("/{number}")
    CaseView view(@PathVariable String number) {
        return queries.view(number, Actors.current());
    }

    @GetMapping("/{number}/timeline")
    List<TimelineEntry> timeline(@PathVariable String number) {
        return queries.timeline(number, Actors.current());
    }

    @GetMapping("/{number}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable long id) {
        return PhotoResponses.of(queries.photo(number, id, Actors.current()));
    }

    @PostMapping(path = "/{number}/actions/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Perform an action: register, decline, answer, assign, reassign, assign-unit, sign, return, "
            + "deny-return, request-extension, approve-extension, deny-extension, park, resume, reply, approve, "
            + "reject, follow-up, close, rework, reopen, void, merge, note, contact, urge, supervise, acknowledge, "
            + "add-co-handler, release-co-handler, co-sign, co-reply, co-return, arbitrate (the action catalogue)")
    CaseView act(@PathVariable String number, @PathVariable String action,
            @RequestBody(required = false) ActionRequest request) {
        ActionRequest body = request == null ? ActionRequest.empty() : request;
        return management.perform(number, actions.command(action, body.values(), List.of()), Actors.current());
    }

    @PostMapping(path = "/{number}/actions/{action}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Perform an action with photos (reply with evidence): part 'request' (JSON) + parts 'photos'")
    CaseView actWithPhotos(@PathVariable String number, @PathVariable String action,
            @RequestPart(name = "request", required = false) ActionRequest request,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        ActionRequest body = request == null ? ActionRequest.empty() : request;
        return management.perform(number, actions.command(action, body.values(), Uploads.of(photos)),
                Actors.current());
    }
}
