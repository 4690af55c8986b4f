package cn.civicloop.partner.web;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.partner.internal.PartnerCases;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The agency's system and its cases. Owner: the agency's system (its bearer token, checked in the module); it
 * reaches only the cases its agency holds, and any other number is 404.
 */
@Tag(name = "Partner API")
@RestController
@RequestMapping("/api/v1/partner/cases")
class PartnerCasesController {

    private final PartnerCases cases;
    private final PartnerAuthentication authentication;

    PartnerCasesController(PartnerCases cases, PartnerAuthentication authentication) {
        this.cases = cases;
        this.authentication = authentication;
    }

    /** The body of sign and reply: {@code note} for sign, {@code text} for reply. */
    record Step(String note, String text) {
    }

    @GetMapping
    @Operation(summary = "The agency's cases in the order they changed: filters status and since, keyset paging (after)")
    PartnerCases.Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String since,
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        var system = authentication.system(request);
        return cases.list(system, status, since(since), after, limit);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One case of the agency, masked as its staff see it")
    CaseView view(@PathVariable String number, HttpServletRequest request) {
        return cases.view(authentication.system(request), number);
    }

    @GetMapping("/{number}/timeline")
    @Operation(summary = "The case's timeline as the agency's staff see it")
    List<TimelineEntry> timeline(@PathVariable String number, HttpServletRequest request) {
        return cases.timeline(authentication.system(request), number);
    }

    @GetMapping("/{number}/attachments/{id}")
    @Operation(summary = "A photo of the case")
    ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long id, HttpServletRequest request) {
        CaseQueries.Photo photo = cases.photo(authentication.system(request), number, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(photo.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(photo.data());
    }

    @PostMapping(path = "/{number}/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Signs for the case (签收)")
    CaseView sign(@PathVariable String number, @RequestBody(required = false) Step body, HttpServletRequest request) {
        return cases.sign(authentication.system(request), number, body == null ? null : body.note());
    }

    @PostMapping(path = "/{number}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replies with what was done (办结反馈)")
    CaseView reply(@PathVariable String number, @RequestBody(required = false) Step body, HttpServletRequest request) {
        return cases.reply(authentication.system(request), number, body == null ? null : body.text(), List.of());
    }

    @PostMapping(path = "/{number}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replies with photos as evidence: part 'request' (JSON {text}) + parts 'photos'")
    CaseView replyWithPhotos(@PathVariable String number, @RequestPart(name = "request", required = false) Step body,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest request) {
        return cases.reply(authentication.system(request), number, body == null ? null : body.text(),
                Uploads.of(photos));
    }

    private static java.time.Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", Phrase.of("problem.partner.since",
                    "since 应为带时区的时间，如 2026-12-01T00:00:00+08:00"));
        }
    }
}
