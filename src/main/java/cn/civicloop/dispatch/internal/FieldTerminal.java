package cn.civicloop.dispatch.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentCleared;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.Phrase;

/**
 * The unit's phone (移动警务终端): acknowledges orders, reports en route / on scene / cleared with its position,
 * goes out of and back into service, reports GPS fixes and writes to the centre. A terminal acts only for the
 * unit its account belongs to.
 */
@Service
public class FieldTerminal {

    private final Units units;
    private final Incidents incidents;
    private final UnitStatusChanges changes;
    private final PositionTracker tracker;
    private final DispatchFeed feed;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FieldTerminal(Units units, Incidents incidents, UnitStatusChanges changes, PositionTracker tracker, DispatchFeed feed,
            JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.units = units;
        this.incidents = incidents;
        this.changes = changes;
        this.tracker = tracker;
        this.feed = feed;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public UnitRecord unitOf(Actor actor) {
        Access.terminal(actor);
        return units.byTerminal(actor.username())
                .orElseThrow(() -> new ForbiddenException(Phrase.of("problem.dispatch.no-unit-account", "此账号未绑定巡组")));
    }

    /** A status report from the field, optionally with the position where it was made. */
    @Transactional
    public UnitRecord report(UnitAction action, GeoPoint at, String note, Actor actor) {
        UnitRecord u = units.lock(unitOf(actor).code()).orElseThrow();
        Instant now = clock.instant();
        if (at != null) {
            tracker.report(new PositionTracker.Fix(u.code(), at, now));
        }
        switch (action) {
            case ACKNOWLEDGE, EN_ROUTE, ARRIVE, CLEAR -> onIncident(u, action, note, actor, now);
            case GO_OUT_OF_SERVICE, RETURN_TO_SERVICE -> changes.apply(u, action, null, actor.username(), note, now);
            default -> throw new InvalidInputException("action", Phrase.of("problem.dispatch.not-terminal-action", "终端不能{0}", Words.of(action)));
        }
        return units.get(u.code()).orElseThrow();
    }

    private void onIncident(UnitRecord u, UnitAction action, String note, Actor actor, Instant now) {
        if (u.incidentId() == null) {
            throw new ConflictException(Phrase.of("problem.dispatch.no-order", "当前没有指令"));
        }
        IncidentRecord i = incidents.lock(u.incidentId()).orElseThrow();
        Incidents.Assignment a = incidents.activeAssignment(i.id(), u.code())
                .orElseThrow(() -> new ConflictException(Phrase.of("problem.dispatch.no-order", "当前没有指令")));
        changes.apply(u, action, i.id(), actor.username(), note, now);
        switch (action) {
            case ACKNOWLEDGE -> incidents.stampAssignment(a.id(), "acknowledged_at", now);
            case EN_ROUTE -> {
                incidents.stampAssignment(a.id(), "enroute_at", now);
                incidents.stampIfEmpty(i.id(), "first_enroute_at", now);
            }
            case ARRIVE -> arrive(i, u, a, actor, now);
            case CLEAR -> clear(i, u, a, actor, now);
            default -> throw new IllegalStateException(action.name());
        }
        AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", i.number())));
    }

    private void arrive(IncidentRecord i, UnitRecord u, Incidents.Assignment a, Actor actor, Instant now) {
        incidents.stampAssignment(a.id(), "onscene_at", now);
        IncidentStatus to = IncidentTransitions.next(i.status(), IncidentAction.UNIT_ARRIVED).orElseThrow(
                () -> new ConflictException(Phrase.of("problem.dispatch.incident-state", "警情{0}", Words.of(i.status()))));
        incidents.transition(i, IncidentAction.UNIT_ARRIVED, to, "first_onscene_at", now, actor.username(), u.callSign());
        if (i.commanderUnit() == null) {
            // The first unit on scene commands there until the centre names another (two-level command).
            incidents.setCommander(i.id(), u.code());
        }
    }

    private void clear(IncidentRecord i, UnitRecord u, Incidents.Assignment a, Actor actor, Instant now) {
        incidents.stampAssignment(a.id(), "cleared_at", now);
        boolean last = incidents.assignments(i.id()).stream().noneMatch(Incidents.Assignment::active);
        if (last) {
            IncidentStatus to = IncidentTransitions.next(i.status(), IncidentAction.CLEAR).orElseThrow(
                    () -> new ConflictException(Phrase.of("problem.dispatch.incident-state", "警情{0}", Words.of(i.status()))));
            incidents.transition(i, IncidentAction.CLEAR, to, "cleared_at", now, actor.username(), u.callSign());
            events.publishEvent(new IncidentCleared(i.number(), i.line(), i.type(), i.priority(), i.blockCode(),
                    i.receivedAt(), i.firstDispatchedAt(), i.firstOnsceneAt(), incidents.assignments(i.id()).size(), now));
        }
    }

    /** A GPS fix from the terminal: memory now, the database in the next batch. */
    public void position(GeoPoint at, Instant fixAt, Actor actor) {
        UnitRecord u = unitOf(actor);
        tracker.report(new PositionTracker.Fix(u.code(), at, fixAt == null ? clock.instant() : fixAt));
        feed.toCentre("position", Map.of("code", u.code(), "lat", at.lat(), "lon", at.lon()));
    }

    /** A message between a unit and the centre. */
    @Transactional
    public void message(String unitCode, String body, boolean fromCentre, Actor actor) {
        String text = Text.cleanOrNull(body);
        if (text == null || text.length() > 500) {
            throw new InvalidInputException("body", Phrase.of("problem.dispatch.message-length", "请填写消息（最长{0}字）", 500));
        }
        UnitRecord u = units.get(unitCode).orElseThrow(() -> new InvalidInputException("unit", Phrase.of("problem.dispatch.no-such-unit", "没有巡组 {0}", unitCode)));
        jdbc.sql("insert into dispatch_message (unit_code, incident_id, from_centre, body, sent_by, sent_at) values (?, ?, ?, ?, ?, ?)")
                .params(u.code(), u.incidentId(), fromCentre, text, actor.username(), Timestamp.from(clock.instant())).update();
        Map<String, Object> data = Map.of("unit", u.code(), "callSign", u.callSign(), "body", text, "fromCentre", fromCentre);
        AfterCommit.run(() -> {
            feed.toCentre("message", data);
            feed.toUnit(u.code(), "message", data);
        });
    }

    public List<Map<String, Object>> messages(String unitCode, int limit) {
        String where = unitCode == null ? "" : " where unit_code = ?";
        var q = jdbc.sql("select unit_code, incident_id, from_centre, body, sent_by, sent_at from dispatch_message" + where
                + " order by id desc limit " + limit);
        return (unitCode == null ? q : q.param(unitCode)).query().listOfRows();
    }
}
