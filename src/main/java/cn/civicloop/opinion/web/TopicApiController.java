package cn.civicloop.opinion.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.opinion.internal.TopicAccess;
import cn.civicloop.opinion.internal.TopicAlerts;
import cn.civicloop.opinion.internal.TopicBoard;
import cn.civicloop.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The cases grouped into a topic and the live list of warnings (owner roles in {@link OpinionEndpoints}). */
@Tag(name = "Online opinion")
@RestController
@RequestMapping("/api/v1/opinion")
class TopicApiController {

    private final TopicBoard board;
    private final TopicAlerts alerts;
    private final TopicAccess access;

    TopicApiController(TopicBoard board, TopicAlerts alerts, TopicAccess access) {
        this.board = board;
        this.alerts = alerts;
        this.access = access;
    }

    @Operation(summary = "The cases of every channel grouped into a topic, newest first")
    @GetMapping("/topics/{id}/cases")
    Map<String, Object> cases(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
        access.check(id, Actors.current());
        return Map.of("cases", board.cases(id, Math.max(1, Math.min(limit, 200))));
    }

    @Operation(summary = "The newest warnings: a topic reaching a level, once per level")
    @GetMapping("/alerts")
    Map<String, Object> alerts(@RequestParam(defaultValue = "20") int limit) {
        return Map.of("alerts", access.visible(alerts.latest(Math.max(1, Math.min(limit, 100))),
                TopicAlerts.Alert::topicId, Actors.current()));
    }
}
