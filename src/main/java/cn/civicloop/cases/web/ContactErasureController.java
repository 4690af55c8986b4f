package cn.civicloop.cases.web;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.cases.ContactErasure;
import cn.civicloop.cases.PublicCaseView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** PIPL: the resident erases his contact data from his case with its number and tracking code (owner: public). */
@RestController
@Tag(name = "tracking", description = "Residents: track, follow up, reopen")
class ContactErasureController {

    private final ContactErasure erasure;
    private final PublicWording wording;

    ContactErasureController(ContactErasure erasure, PublicWording wording) {
        this.erasure = erasure;
        this.wording = wording;
    }

    @PostMapping("/api/v1/public/cases/{number}/erase-contact")
    @Operation(summary = "Erase my name, phone and address from this case for good (the case goes on)")
    PublicCaseView erase(@PathVariable String number,
            @RequestHeader(name = PublicCaseController.TOKEN_HEADER, required = false) String token) {
        return wording.inRequestLanguage(erasure.eraseContact(number, token));
    }
}
