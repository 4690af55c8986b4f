package cn.civicloop.open311.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.open311.Open311Clients;
import cn.civicloop.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The Open311 clients and their keys (owner role: ADMIN). A key is in the answer that issues it, and nowhere else. */
@Tag(name = "Open311 clients")
@RestController
@RequestMapping("/api/v1/admin/open311/clients")
class Open311ClientsController {

    private final Open311Clients clients;

    Open311ClientsController(Open311Clients clients) {
        this.clients = clients;
    }

    record NewClient(@NotBlank @Size(max = 100) String name) {
    }

    record Activation(@NotNull Boolean active) {
    }

    @GetMapping
    @Operation(summary = "The Open311 clients, with the first characters of their keys")
    List<Open311Clients.Client> list() {
        return clients.clients();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new client and its api_key, shown this once")
    Open311Clients.IssuedKey create(@Valid @RequestBody NewClient body) {
        return clients.create(body.name(), Actors.current());
    }

    @PostMapping("/{id}/rotate")
    @Operation(summary = "A fresh api_key for the client; the previous one stops working at once")
    Open311Clients.IssuedKey rotate(@PathVariable long id) {
        return clients.rotate(id, Actors.current());
    }

    @PostMapping("/{id}/active")
    @Operation(summary = "Switches the client off (its key is refused) or on again")
    Open311Clients.Client activate(@PathVariable long id, @Valid @RequestBody Activation body) {
        return clients.setActive(id, body.active(), Actors.current());
    }
}
