package cn.civicloop.dispatch.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentDispatched;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.Phrase;

/**
 * The 110 desk's commands: enter a call (or attach it to the incident it duplicates), recommend, dispatch with one
 * click, recall, cancel, name the scene commander. One transaction each; every change logged with who, when, why,
 * and pushed to desks and terminals after commit.
 */
@Service
public class DispatchDesk {

    /** What entering a call did. */
    public record Entered(IncidentRecord incident, boolean attached) {
    }

    private final Incidents incidents;
    private final IncidentPlaces places;
    private final IncidentNumbers numbers;
    private final Units units;
    private final UnitStatusChanges changes;
    private final Blocks blocks;
    private final Roster roster;
    private final PositionTracker tracker;
    private final TravelModels travel;
    private final DispatchFeed feed;
    private final Clock clock;
    private final int reserve;
    private final double duplicateMetres;
    private final Duration duplicateWindow;
    private final ApplicationEventPublisher events;

    DispatchDesk(Incidents incidents, IncidentPlaces places, IncidentNumbers numbers, Units units,
            UnitStatusChanges changes, Blocks blocks, Roster roster, PositionTracker tracker, TravelModels travel,
            DispatchFeed feed, Clock clock, DispatchProperties settings, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.places = places;
        this.numbers = numbers;
        this.units = units;
        this.changes = changes;
        this.blocks = blocks;
        this.roster = roster;
        this.tracker = tracker;
        this.travel = travel;
        this.feed = feed;
        this.clock = clock;
        this.reserve = settings.reservePerBlock();
        this.duplicateMetres = settings.duplicate().metres();
        this.duplicateWindow = settings.duplicate().window();
        this.events = events;
    }

    @Transactional
    public Entered enterCall(NewCall call, Actor actor) {
        Access.desk(actor);
        String summary = Text.cleanOrNull(call.summary());
        if (summary == null) {
            throw new InvalidInputException("summary", Phrase.of("problem.dispatch.summary-required", "请填写警情摘要"));
        }
        if (call.type() == null) {
            throw new InvalidInputException("type", Phrase.of("problem.dispatch.type-required", "请选择警情类别"));
        }
        int priority = call.priority() == null ? call.type().defaultPriority() : call.priority();
        if (priority < 1 || priority > 4) {
            throw new InvalidInputException("priority", Phrase.of("problem.dispatch.priority-range", "优先级为1至4"));
        }
        GeoPoint place = places.of(call.lat(), call.lon()).orElse(null);
        Instant now = clock.instant();
        Instant received = call.receivedAt() == null ? now : call.receivedAt();
        Optional<IncidentRecord> same = duplicateOf(call, place, now);
        if (same.isPresent()) {
            IncidentRecord i = same.get();
            IncidentStatus to = IncidentTransitions.next(i.status(), IncidentAction.ATTACH_CALL)
                    .orElseThrow(() -> new ConflictException(Phrase.of("problem.dispatch.attach-ended", "警情 {0} 已结束，不能并入", i.number())));
            incidents.addCall(i.id(), call.callerName(), call.callerPhone(), summary, received, actor.username(), true);
            incidents.transition(i, IncidentAction.ATTACH_CALL, to, null, now, actor.username(), summary);
            AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", i.number())));
            return new Entered(incidents.get(i.id()).orElseThrow(), true);
        }
        String number = numbers.next(now);
        String block = places.blockAt(place);
        String line = "122".equals(call.line()) ? "122" : "110";
        long id = incidents.insert(number, line, call.type(), priority, summary, Text.cleanOrNull(call.address()), place,
                block, Text.cleanOrNull(call.callerName()), Text.cleanOrNull(call.callerPhone()), actor.username(), received, now);
        incidents.addCall(id, call.callerName(), call.callerPhone(), summary, received, actor.username(), false);
        incidents.log(id, "ENTER", null, IncidentStatus.OPEN.name(), actor.username(), null, now);
        AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", number)));
        return new Entered(incidents.get(id).orElseThrow(), false);
    }

    /**
     * The open incident a call is about: the one named, or one of a similar type close by and recent (only when the
     * call has a place: without one, nothing is "close by").
     */
    private Optional<IncidentRecord> duplicateOf(NewCall call, GeoPoint place, Instant now) {
        if (call.attachTo() != null && !call.attachTo().isBlank()) {
            return Optional.of(incidents.byNumber(call.attachTo().strip())
                    .orElseThrow(() -> new NotFoundException(Phrase.of("problem.dispatch.no-such-incident", "没有警情 {0}", call.attachTo()))));
        }
        if (call.separate() || place == null) {
            return Optional.empty();
        }
        return incidents.policeOpenSince(now.minus(duplicateWindow)).stream()
                .filter(IncidentRecord::placed)
                .filter(i -> i.type().similarTo(call.type()))
                .filter(i -> i.place().metresTo(place) <= duplicateMetres)
                .min(Comparator.comparingDouble(i -> i.place().metresTo(place)));
    }

    /** Units ranked for the incident, with the reasons for those left out. */
    @Transactional(readOnly = true)
    public Recommender.Result recommend(String number, Actor actor) {
        Access.read(actor);
        IncidentRecord i = placed(incident(number));
        String block = i.blockCode() == null ? "" : i.blockCode();
        String crew = roster.now().crew();
        List<Recommender.Candidate> candidates = units.all().stream().map(u -> new Recommender.Candidate(u.code(),
                u.callSign(), u.blockCode(), u.status(), u.crew().equals(crew), position(u))).toList();
        return new Recommender(travel.current(), reserve)
                .rank(new Recommender.Scene(i.place(), block, i.priority(), blocks.neighbours(block)), candidates);
    }

    GeoPoint position(UnitRecord u) {
        return tracker.latest(u.code()).map(PositionTracker.Fix::position).orElse(u.position());
    }

    /** One click: the unit gets the order on its terminal at once. */
    @Transactional
    public IncidentRecord dispatch(String number, String unitCode, Actor actor) {
        Access.desk(actor);
        IncidentRecord i = placed(incidents.lock(incident(number).id()).orElseThrow());
        UnitRecord u = units.lock(unitCode).orElseThrow(() -> new NotFoundException(Phrase.of("problem.dispatch.no-such-unit", "没有巡组 {0}", unitCode)));
        if (!u.crew().equals(roster.now().crew())) {
            throw new ConflictException(Phrase.of("problem.dispatch.off-duty", "{0} 不在班，不能派警", u.code()));
        }
        IncidentStatus to = IncidentTransitions.next(i.status(), IncidentAction.DISPATCH_UNIT)
                .orElseThrow(() -> new ConflictException(Phrase.of("problem.dispatch.dispatch-state", "警情{0}，不能派警", Words.of(i.status()))));
        Instant now = clock.instant();
        GeoPoint from = position(u);
        Double eta = from == null ? null : travel.current().toward(i.place(), List.of(from)).get(0).seconds();
        // the unit's log keeps data only: its action names the step in whichever language reads it
        changes.apply(u, UnitAction.DISPATCH, i.id(), actor.username(), i.number(), now);
        incidents.assign(i.id(), u.code(), actor.username(), now, eta);
        incidents.transition(i, IncidentAction.DISPATCH_UNIT, to, "first_dispatched_at", now, actor.username(), u.callSign());
        events.publishEvent(new IncidentDispatched(i.number(), i.line(), i.type(), i.priority(), i.blockCode(), u.code(),
                i.firstDispatchedAt() == null, i.receivedAt(), now));
        AfterCommit.run(() -> {
            feed.toUnit(u.code(), "order", Map.of("number", i.number()));
            feed.toCentre("incident", Map.of("number", i.number()));
        });
        return incidents.get(i.id()).orElseThrow();
    }

    /** Takes an order back before arrival; with no unit left the incident waits for dispatch again. */
    @Transactional
    public IncidentRecord recall(String number, String unitCode, String reason, Actor actor) {
        Access.desk(actor);
        IncidentRecord i = incidents.lock(incident(number).id()).orElseThrow();
        recallUnit(i, unitCode, reason, actor, clock.instant());
        IncidentRecord now = incidents.get(i.id()).orElseThrow();
        if (now.status() == IncidentStatus.DISPATCHED && incidents.assignments(i.id()).stream().noneMatch(Incidents.Assignment::active)) {
            incidents.transition(now, IncidentAction.REQUEUE, IncidentStatus.OPEN, null, clock.instant(), actor.username(), reason);
        }
        AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", i.number())));
        return incidents.get(i.id()).orElseThrow();
    }

    private void recallUnit(IncidentRecord i, String unitCode, String reason, Actor actor, Instant now) {
        Incidents.Assignment a = incidents.activeAssignment(i.id(), unitCode)
                .orElseThrow(() -> new ConflictException(Phrase.of("problem.dispatch.not-on-incident", "{0} 未在此警情上", unitCode)));
        UnitRecord u = units.lock(unitCode).orElseThrow();
        changes.apply(u, UnitAction.RECALL, null, actor.username(), reason == null ? i.number() : reason, now);
        incidents.stampAssignment(a.id(), "cancelled_at", now);
        AfterCommit.run(() -> feed.toUnit(unitCode, "recalled", Map.of("number", i.number())));
    }

    @Transactional
    public IncidentRecord cancel(String number, String reason, Actor actor) {
        Access.desk(actor);
        IncidentRecord i = incidents.lock(incident(number).id()).orElseThrow();
        IncidentStatus to = IncidentTransitions.next(i.status(), IncidentAction.CANCEL)
                .orElseThrow(() -> new ConflictException(Phrase.of("problem.dispatch.cancel-state", "警情{0}，不能撤销", Words.of(i.status()))));
        Instant now = clock.instant();
        for (Incidents.Assignment a : incidents.assignments(i.id())) {
            if (a.active()) {
                recallUnit(i, a.unitCode(), reason, actor, now);
            }
        }
        incidents.transition(i, IncidentAction.CANCEL, to, "cancelled_at", now, actor.username(), reason);
        AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", i.number())));
        return incidents.get(i.id()).orElseThrow();
    }

    /** Two-level command: the centre names the scene commander among the units on the incident. */
    @Transactional
    public IncidentRecord nameCommander(String number, String unitCode, Actor actor) {
        Access.desk(actor);
        IncidentRecord i = incident(number);
        incidents.activeAssignment(i.id(), unitCode)
                .orElseThrow(() -> new ConflictException(Phrase.of("problem.dispatch.not-on-incident", "{0} 未在此警情上", unitCode)));
        incidents.setCommander(i.id(), unitCode);
        incidents.log(i.id(), "COMMANDER", i.status().name(), i.status().name(), actor.username(), unitCode,
                clock.instant());
        AfterCommit.run(() -> {
            feed.toCentre("incident", Map.of("number", i.number()));
            feed.toUnit(unitCode, "order", Map.of("number", i.number()));
        });
        return incidents.get(i.id()).orElseThrow();
    }

    /** Units are ranked and sent only to a place someone gave, never to a guessed one. */
    private static IncidentRecord placed(IncidentRecord i) {
        if (!i.placed()) {
            throw new ConflictException(Phrase.of("problem.dispatch.unplaced",
                    "警情 {0} 尚无位置：请先在地图上点选或填写坐标，再推荐和派警", i.number()));
        }
        return i;
    }

    IncidentRecord incident(String number) {
        return incidents.byNumber(number).orElseThrow(() -> new NotFoundException(Phrase.of("problem.dispatch.no-such-incident", "没有警情 {0}", number)));
    }
}
