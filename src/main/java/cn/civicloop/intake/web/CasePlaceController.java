package cn.civicloop.intake.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.geo.Datum;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.RefusalText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The district centre confirms or corrects where a case is (owners: operators, triage officers, 110 dispatchers;
 * IntakeEndpoints): from the case page's place box (a suggestion picked or the pin moved) or by the API.
 */
@Controller
@Tag(name = "intake")
class CasePlaceController {

    private final AppealIntake intake;

    CasePlaceController(AppealIntake intake) {
        this.intake = intake;
    }

    /**
     * @param location the point (WGS84, or GCJ-02 with {@code datum})
     * @param label    the standard address picked, if one was
     * @param reason   why the place is confirmed or corrected
     */
    record PlaceRequest(AppealForm.Location location, String label, String reason) {
    }

    @PostMapping("/api/v1/appeals/{number}/place")
    @ResponseBody
    @Operation(summary = "Confirm or correct the place of a case (a point, optionally the standard address picked, "
            + "and a reason); settles 'place to confirm'")
    ResponseEntity<Void> fix(@PathVariable String number, @RequestBody PlaceRequest request) {
        intake.fixPlace(number, request.location(), request.label(), request.reason(), Actors.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/workbench/place/{number}")
    String fixFromPage(@PathVariable String number, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon, @RequestParam(defaultValue = "WGS84") String datum,
            @RequestParam(required = false) String label, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            AppealForm.Location location = lat == null || lon == null ? null
                    : new AppealForm.Location(lat, lon, "GCJ02".equalsIgnoreCase(datum) ? Datum.GCJ02 : Datum.WGS84);
            intake.fixPlace(number, location, label, reason, Actors.current());
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("placeError", RefusalText.of(e));
        }
        return "redirect:/workbench/cases/" + number;
    }
}
