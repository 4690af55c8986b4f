package cn.civicloop.cases.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.Satisfaction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The resident's side (owner role: RESIDENT, proven by case number + tracking token in the
 * {@code X-Tracking-Token} header). A wrong token and an unknown number give the same 404. The view is worded in the
 * request's language ({@link PublicWording}).
 */
@RestController
@RequestMapping("/api/v1/public/cases")
@Tag(name = "tracking", description = "Residents: track, follow up, reopen")
class PublicCaseController {

    static final String TOKEN_HEADER = "X-Tracking-Token";

    private final CaseQueries queries;
    private final CaseManagement management;
    private final PublicWording wording;

    PublicCaseController(CaseQueries queries, CaseManagement management, PublicWording wording) {
        this.queries = queries;
        this.management = management;
        this.wording = wording;
    }

    record FollowUpAnswer(@NotNull Boolean resolved, @NotNull Satisfaction satisfaction,
            @Size(max = 2000) String comment) {
    }

    record ReopenRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping("/{number}")
    @Operation(summary = "Track a case with its number and tracking token")
    PublicCaseView track(@PathVariable String number, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return wording.inRequestLanguage(queries.publicView(number, token));
    }

    @GetMapping("/{number}/attachments/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long id,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return PhotoResponses.of(queries.publicPhoto(number, token, id));
    }

    @PostMapping("/{number}/follow-up")
    @Operation(summary = "Answer the follow-up: resolved? satisfied? A satisfied answer closes the case")
    PublicCaseView followUp(@PathVariable String number, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @Valid @RequestBody FollowUpAnswer answer) {
        return wording.inRequestLanguage(
                management.answerFollowUp(number, token, answer.resolved(), answer.satisfaction(), answer.comment()));
    }

    @PostMapping("/{number}/reopen")
    @Operation(summary = "Reopen a closed case once, with a reason")
    PublicCaseView reopen(@PathVariable String number, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @Valid @RequestBody ReopenRequest request) {
        return wording.inRequestLanguage(management.reopen(number, token, request.reason()));
    }
}
