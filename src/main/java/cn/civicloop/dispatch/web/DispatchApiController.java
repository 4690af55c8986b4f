package cn.civicloop.dispatch.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.directory.Actor;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.dispatch.internal.Access;
import cn.civicloop.dispatch.internal.ClusterDispatchFeed;
import cn.civicloop.dispatch.internal.DispatchBoard;
import cn.civicloop.dispatch.internal.DispatchDesk;
import cn.civicloop.dispatch.internal.FieldTerminal;
import cn.civicloop.dispatch.internal.IncidentPlaces;
import cn.civicloop.dispatch.internal.LinkageDiversion;
import cn.civicloop.dispatch.internal.NewCall;
import cn.civicloop.dispatch.internal.Recommender;
import cn.civicloop.dispatch.internal.ResponseTimes;
import cn.civicloop.dispatch.internal.Roster;
import cn.civicloop.security.Actors;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The 110 desk and the command map (owner: POLICE_DISPATCHER; LEADER reads). Served twice: under
 * {@code /api/v1/dispatch} for bearer-token clients and under {@code /dispatch/api} for the pages (session + CSRF).
 */
@RestController
@RequestMapping({"/api/v1/dispatch", "/dispatch/api"})
@Tag(name = "dispatch", description = "110 dispatch: block-policing CAD")
class DispatchApiController {

    /** A call as the desk enters it. */
    record CallRequest(String line, IncidentType type, Integer priority, String summary, String address, Double lat,
            Double lon, String callerName, String callerPhone, Instant receivedAt, String attachTo, Boolean separate) {
    }

    record UnitRequest(String unit, String reason) {
    }

    record DivertRequest(String agency, String note) {
    }

    /** Where the incident is: a click on the desk's map or typed coordinates (WGS84), optionally the address. */
    record PlaceRequest(Double lat, Double lon, String address) {
    }

    record MessageRequest(String body) {
    }

    private final DispatchDesk desk;
    private final IncidentPlaces places;
    private final DispatchBoard board;
    private final LinkageDiversion diversion;
    private final FieldTerminal terminal;
    private final ClusterDispatchFeed feed;
    private final Roster roster;

    DispatchApiController(DispatchDesk desk, IncidentPlaces places, DispatchBoard board, LinkageDiversion diversion,
            FieldTerminal terminal, ClusterDispatchFeed feed, Roster roster) {
        this.desk = desk;
        this.places = places;
        this.board = board;
        this.diversion = diversion;
        this.terminal = terminal;
        this.feed = feed;
        this.roster = roster;
    }

    @GetMapping("/incidents")
    List<DispatchBoard.IncidentView> incidents() {
        return board.current(Actors.current());
    }

    /**
     * Enters a call. Without {@code lat}/{@code lon} the incident is registered unplaced: no units are ranked
     * ({@code recommendation} null) until it is placed.
     */
    @PostMapping("/incidents")
    Map<String, Object> enter(@RequestBody CallRequest r) {
        Actor actor = Actors.current();
        DispatchDesk.Entered e = desk.enterCall(new NewCall(r.line(), r.type(), r.priority(), r.summary(), r.address(),
                r.lat(), r.lon(), r.callerName(), r.callerPhone(), r.receivedAt(), r.attachTo(),
                Boolean.TRUE.equals(r.separate())), actor);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attached", e.attached());
        out.put("incident", board.incident(e.incident().number(), actor));
        out.put("recommendation", e.incident().placed() ? desk.recommend(e.incident().number(), actor) : null);
        return out;
    }

    @PostMapping("/incidents/{number}/place")
    DispatchBoard.IncidentView place(@PathVariable String number, @RequestBody PlaceRequest r) {
        Actor actor = Actors.current();
        places.place(number, r.lat(), r.lon(), r.address(), actor);
        return board.incident(number, actor);
    }

    @GetMapping("/incidents/{number}")
    Map<String, Object> incident(@PathVariable String number) {
        return board.detail(number, Actors.current());
    }

    @GetMapping("/incidents/{number}/recommendations")
    Recommender.Result recommend(@PathVariable String number) {
        return desk.recommend(number, Actors.current());
    }

    @PostMapping("/incidents/{number}/dispatch")
    DispatchBoard.IncidentView dispatch(@PathVariable String number, @RequestBody UnitRequest r) {
        Actor actor = Actors.current();
        desk.dispatch(number, r.unit(), actor);
        return board.incident(number, actor);
    }

    @PostMapping("/incidents/{number}/recall")
    DispatchBoard.IncidentView recall(@PathVariable String number, @RequestBody UnitRequest r) {
        Actor actor = Actors.current();
        desk.recall(number, r.unit(), r.reason(), actor);
        return board.incident(number, actor);
    }

    @PostMapping("/incidents/{number}/cancel")
    DispatchBoard.IncidentView cancel(@PathVariable String number, @RequestBody UnitRequest r) {
        Actor actor = Actors.current();
        desk.cancel(number, r.reason(), actor);
        return board.incident(number, actor);
    }

    @PostMapping("/incidents/{number}/commander")
    DispatchBoard.IncidentView commander(@PathVariable String number, @RequestBody UnitRequest r) {
        Actor actor = Actors.current();
        desk.nameCommander(number, r.unit(), actor);
        return board.incident(number, actor);
    }

    @PostMapping("/incidents/{number}/divert")
    DispatchBoard.IncidentView divert(@PathVariable String number, @RequestBody DivertRequest r) {
        Actor actor = Actors.current();
        diversion.divert(number, r.agency(), r.note(), actor);
        return board.incident(number, actor);
    }

    @GetMapping("/agencies")
    List<Map<String, Object>> agencies() {
        Access.read(Actors.current());
        return diversion.agencies().stream().map(d -> Map.<String, Object>of("code", d.code(), "name", d.name())).toList();
    }

    @GetMapping("/units")
    List<DispatchBoard.UnitView> units() {
        return board.units(Actors.current());
    }

    @GetMapping("/counters")
    List<DispatchBoard.BlockCounters> counters() {
        return board.counters(Actors.current());
    }

    @GetMapping("/response-times")
    Map<String, List<ResponseTimes.Figures>> responseTimes(@RequestParam(defaultValue = "30") int days) {
        return board.responseTimes(Math.max(1, Math.min(days, 366)), Actors.current());
    }

    @GetMapping(value = "/blocks", produces = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    String blocks() {
        Access.read(Actors.current());
        return board.blocksGeoJson();
    }

    @GetMapping("/roster")
    List<Roster.OnDuty> roster(@RequestParam(required = false) LocalDate date) {
        Access.read(Actors.current());
        return date == null ? List.of(roster.now()) : roster.day(date);
    }

    @GetMapping("/messages")
    List<Map<String, Object>> messages() {
        Access.read(Actors.current());
        return terminal.messages(null, 50);
    }

    @PostMapping("/units/{code}/messages")
    Map<String, Object> message(@PathVariable String code, @RequestBody MessageRequest r) {
        Actor actor = Actors.current();
        Access.desk(actor);
        terminal.message(code, r.body(), true, actor);
        return Map.of("sent", true);
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        Access.read(Actors.current());
        return feed.subscribe(null);
    }
}
