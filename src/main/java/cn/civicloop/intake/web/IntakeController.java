package cn.civicloop.intake.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.civicloop.cases.OpenedCase;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The one public door for appeals (owner role: anyone; a logged-in operator's submission is registered at once).
 * 201 with a new case; 200 with the earlier case when the channel reference was seen before.
 */
@RestController
@RequestMapping("/api/v1/appeals")
@Tag(name = "intake", description = "Submit an appeal from any channel")
class IntakeController {

    private final AppealIntake intake;

    IntakeController(AppealIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an appeal without photos")
    ResponseEntity<OpenedCase> submit(@Valid @RequestBody AppealForm form) {
        return answer(intake.submit(form, List.of(), Actors.current()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit an appeal with photos: part 'appeal' (JSON) + parts 'photos' (JPEG/PNG/GIF/WebP)")
    ResponseEntity<OpenedCase> submitWithPhotos(@Valid @RequestPart("appeal") AppealForm form,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        return answer(intake.submit(form, Uploads.of(photos), Actors.current()));
    }

    private static ResponseEntity<OpenedCase> answer(OpenedCase opened) {
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK).body(opened);
    }
}
