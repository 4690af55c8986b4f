package cn.civicloop.partner.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.partner.PartnerAdministration;
import cn.civicloop.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The agencies' systems, their keys, webhooks and dead letters (owner role: ADMIN). Secrets are shown once. */
@Tag(name = "Partner clients")
@RestController
@RequestMapping("/api/v1/admin/partner")
class PartnerAdminController {

    private final PartnerAdministration partners;

    PartnerAdminController(PartnerAdministration partners) {
        this.partners = partners;
    }

    record NewClient(@NotNull Long departmentId, @NotBlank @Size(max = 100) String name) {
    }

    record Rotation(@NotNull @Min(0) @Max(8760) Integer overlapHours) {
    }

    record Activation(@NotNull Boolean active) {
    }

    record Webhook(@Size(max = 500) String url) {
    }

    @GetMapping("/clients")
    @Operation(summary = "The agencies' systems with their keys (hints only) and webhook addresses")
    List<PartnerAdministration.Client> clients() {
        return partners.clients();
    }

    @PostMapping("/clients")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new system of a linked agency and its first key; the secret is shown this once")
    PartnerAdministration.IssuedKey create(@Valid @RequestBody NewClient body) {
        return partners.create(body.departmentId(), body.name(), Actors.current());
    }

    @PostMapping("/clients/{id}/keys")
    @Operation(summary = "A fresh key; the others keep working for overlapHours (0: end at once)")
    PartnerAdministration.IssuedKey rotate(@PathVariable long id, @Valid @RequestBody Rotation body) {
        return partners.rotate(id, body.overlapHours(), Actors.current());
    }

    @PostMapping("/clients/{id}/keys/{keyId}/revoke")
    @Operation(summary = "Ends one key and its tokens at once")
    PartnerAdministration.Client revoke(@PathVariable long id, @PathVariable long keyId) {
        return partners.revoke(id, keyId, Actors.current());
    }

    @PostMapping("/clients/{id}/active")
    @Operation(summary = "Switches the system off or on again")
    PartnerAdministration.Client activate(@PathVariable long id, @Valid @RequestBody Activation body) {
        return partners.setActive(id, body.active(), Actors.current());
    }

    @PutMapping("/clients/{id}/webhook")
    @Operation(summary = "Sets the webhook address and issues its signing secret (shown once); blank removes it")
    PartnerAdministration.WebhookSecret webhook(@PathVariable long id, @Valid @RequestBody Webhook body) {
        return partners.setWebhook(id, body.url(), Actors.current());
    }

    @GetMapping("/clients/{id}/deliveries")
    @Operation(summary = "The system's webhook deliveries, newest first")
    List<PartnerAdministration.Delivery> deliveries(@PathVariable long id,
            @RequestParam(defaultValue = "50") int limit) {
        return partners.deliveries(id, limit);
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Webhook deliveries given up after the last retry, newest first")
    List<PartnerAdministration.Delivery> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        return partners.deadLetters(limit);
    }

    @PostMapping("/dead-letters/{id}/replay")
    @Operation(summary = "Queues a dead letter again, with the retries of a new delivery")
    PartnerAdministration.Delivery replay(@PathVariable long id) {
        return partners.replay(id, Actors.current());
    }
}
