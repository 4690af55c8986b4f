package cn.civicloop.dispatch.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.directory.Actor;
import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.dispatch.internal.ClusterDispatchFeed;
import cn.civicloop.dispatch.internal.DispatchBoard;
import cn.civicloop.dispatch.internal.FieldTerminal;
import cn.civicloop.dispatch.internal.UnitRecord;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A unit's field terminal (owner: POLICE_OFFICER, for its own unit only): the current order, status reports with
 * position, GPS fixes, messages to the centre, and the push stream of its orders.
 */
@RestController
@RequestMapping({"/api/v1/dispatch/terminal", "/terminal/api"})
@Tag(name = "dispatch-terminal", description = "The units' field terminal")
class TerminalApiController {

    record StatusReport(UnitAction action, Double lat, Double lon, String note) {
    }

    record PositionReport(Double lat, Double lon, Instant at) {
    }

    record MessageRequest(String body) {
    }

    private final FieldTerminal terminal;
    private final DispatchBoard board;
    private final ClusterDispatchFeed feed;

    TerminalApiController(FieldTerminal terminal, DispatchBoard board, ClusterDispatchFeed feed) {
        this.terminal = terminal;
        this.board = board;
        this.feed = feed;
    }

    @GetMapping
    Map<String, Object> current() {
        return board.terminal(terminal.unitOf(Actors.current()));
    }

    @PostMapping("/status")
    Map<String, Object> status(@RequestBody StatusReport r) {
        Actor actor = Actors.current();
        if (r.action() == null) {
            throw new InvalidInputException("action", Phrase.of("problem.dispatch.action-required", "请给出状态"));
        }
        UnitRecord u = terminal.report(r.action(), point(r.lat(), r.lon()), r.note(), actor);
        return board.terminal(u);
    }

    @PostMapping("/position")
    Map<String, Object> position(@RequestBody PositionReport r) {
        GeoPoint p = point(r.lat(), r.lon());
        if (p == null) {
            throw new InvalidInputException("lat", Phrase.of("problem.dispatch.position-required", "请给出位置"));
        }
        terminal.position(p, r.at(), Actors.current());
        return Map.of("accepted", true);
    }

    @PostMapping("/messages")
    Map<String, Object> message(@RequestBody MessageRequest r) {
        Actor actor = Actors.current();
        terminal.message(terminal.unitOf(actor).code(), r.body(), false, actor);
        return Map.of("sent", true);
    }

    @GetMapping("/messages")
    List<Map<String, Object>> messages() {
        return terminal.messages(terminal.unitOf(Actors.current()).code(), 30);
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return feed.subscribe(terminal.unitOf(Actors.current()).code());
    }

    private static GeoPoint point(Double lat, Double lon) {
        if (lat == null || lon == null) {
            return null;
        }
        try {
            return new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", Phrase.of("problem.dispatch.coordinates-invalid", "坐标无效"));
        }
    }
}
