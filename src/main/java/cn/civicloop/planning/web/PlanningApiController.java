package cn.civicloop.planning.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.planning.PlanningDefaults;
import cn.civicloop.planning.PlanningRuns;
import cn.civicloop.planning.RunRequest;
import cn.civicloop.planning.RunView;
import cn.civicloop.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The comparison for the police command over the API (owners: POLICE_DISPATCHER and LEADER read and run). A run is
 * started with POST and computed in the background: poll {@code GET /runs/{id}} until its status is not RUNNING.
 */
@RestController
@RequestMapping("/api/v1/planning")
@Tag(name = "planning", description = "Police deployment planning: waiting at posts vs. dynamic patrols on the district's records (simulator + hypercube)")
class PlanningApiController {

    private final PlanningRuns runs;

    PlanningApiController(PlanningRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/plan")
    @Operation(summary = "The unit plan now and the standing assumptions a run starts from")
    PlanningDefaults plan() {
        return runs.defaults();
    }

    @PostMapping("/runs")
    @Operation(summary = "Start a run (202, RUNNING); 422 names the field of a request that cannot run, 409 when "
            + "this server is already running one")
    ResponseEntity<RunView> start(@RequestBody RunRequest request, Principal principal) {
        RunView run = runs.start(request, principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/planning/runs/" + run.id())).body(run);
    }

    @GetMapping("/runs")
    @Operation(summary = "The latest runs, newest first, without their figures")
    List<RunView> recent(@RequestParam(defaultValue = "10") int limit) {
        return runs.recent(limit);
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One run with its completed request and, once DONE, its figures")
    RunView run(@PathVariable long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException(PlanningRuns.noSuchRun(id)));
    }

    @PostMapping("/runs/{id}/cancel")
    @Operation(summary = "Stop a running run (409 when it has finished)")
    RunView cancel(@PathVariable long id, Principal principal) {
        return runs.cancel(id, principal.getName());
    }
}
