package cn.civicloop.triage.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.triage.internal.Outcome;
import cn.civicloop.triage.internal.TriageRecords;
import cn.civicloop.triage.internal.TriageViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The triage queue and the "where would this go?" screen (owner roles: operator, 一级 dispatcher, leader). */
@RestController
@RequestMapping("/api/v1/triage")
@Tag(name = "triage", description = "Triage queue, suggestions and routing preview")
class TriageController {

    private final TriageViews views;
    private final Jurisdictions jurisdictions;

    TriageController(TriageViews views, Jurisdictions jurisdictions) {
        this.views = views;
        this.jurisdictions = jurisdictions;
    }

    record PreviewRequest(@NotBlank @Size(max = 200) String title, @Size(max = 10000) String content,
            String channel, Double lat, Double lon) {
    }

    @GetMapping("/queue")
    @Operation(summary = "Cases waiting for a dispatcher, with top-3 suggestions and likely duplicates")
    List<TriageViews.Waiting> queue(@RequestParam(defaultValue = "50") int limit) {
        return views.queue(Actors.current(), Math.min(Math.max(limit, 1), 200));
    }

    @GetMapping("/cases/{number}")
    TriageViews.CaseTriage ofCase(@PathVariable String number) {
        return views.of(number, Actors.current());
    }

    @PostMapping("/preview")
    @Operation(summary = "Where would this text at this place go? (the catalogue's test screen)")
    Outcome preview(@Valid @RequestBody PreviewRequest r) {
        String street = null;
        String community = null;
        String grid = null;
        if (r.lat() != null && r.lon() != null) {
            try {
                var placement = jurisdictions.locate(new GeoPoint(r.lat(), r.lon())).orElse(null);
                if (placement != null) {
                    street = placement.street().code();
                    community = placement.community().code();
                    grid = placement.grid().code();
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("lat", Phrase.of("problem.triage.invalid-coordinates", "坐标无效"));
            }
        }
        return views.preview(r.title(), r.content() == null ? "" : r.content(), r.channel(), street, community, grid,
                Actors.current());
    }

    @GetMapping("/stats")
    TriageRecords.Stats stats() {
        return views.stats(Actors.current());
    }
}
