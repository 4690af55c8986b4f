package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CasePlaced;
import cn.civicloop.cases.CasePlacing;
import cn.civicloop.cases.PlaceFix;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;

/**
 * The district centre confirms or corrects where a case is. The point and its areas come located by the caller
 * (intake knows the area tree and the gazetteer); here the case takes them, "place to confirm" is settled, and the
 * timeline keeps the old and the new point with who, when and why, and {@link CasePlaced} tells the modules that
 * keep a case's place.
 */
@Service
class PlaceCorrection implements CasePlacing {

    private final CaseLookup lookup;
    private final Cases cases;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlaceCorrection(CaseLookup lookup, Cases cases, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.lookup = lookup;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Hotline operators, triage officers and the 110 dispatchers of the centre, while the case is open. */
    static boolean mayFix(Case c, Actor actor) {
        return !c.status.ended() && actor.districtWide()
                && (actor.has(Role.OPERATOR) || actor.has(Role.TRIAGE_OFFICER) || actor.has(Role.POLICE_DISPATCHER));
    }

    @Override
    @Transactional
    public void fixPlace(String number, PlaceFix fix, Actor actor) {
        Case c = lookup.readable(number, actor);
        if (c.status.ended()) {
            throw new ConflictException(Phrase.of("problem.cases.place-case-ended", "工单已结束，不能再更正位置"));
        }
        if (!mayFix(c, actor)) {
            throw new ForbiddenException(Phrase.of("problem.cases.role-may-not", "您的角色不能执行「{0}」",
                    Phrase.of(CaseAction.PLACE.labelKey(), CaseAction.PLACE.label())));
        }
        String reason = Required.text("reason", fix.reason(), Required.What.PLACE_REASON, Required.MAX_REMARK);
        String before = c.lat == null ? null : point(c.lat, c.lon);
        Instant now = clock.instant();
        String previousStreet = c.streetCode;
        c.lat = fix.lat();
        c.lon = fix.lon();
        c.streetCode = fix.streetCode();
        c.communityCode = fix.communityCode();
        c.gridCode = fix.gridCode();
        c.placeToConfirm = false;
        c.updatedAt = now;
        cases.update(c);
        // the old and the new point and the address as values, not a sentence: the page words them
        timeline.append(c.id, now, actor, CaseAction.PLACE, c.status, c.status, StepRemark.of(
                StepRemark.Kind.PLACE_FIXED, reason, before, point(fix.lat(), fix.lon()), fix.label())
                .stored(Required.MAX_REMARK), null, false);
        events.publishEvent(new CasePlaced(c.number, fix.lat(), fix.lon(), fix.streetCode(), fix.communityCode(),
                fix.gridCode(), previousStreet, now));
    }

    private static String point(double lat, double lon) {
        return String.format(Locale.ROOT, "%.6f,%.6f", lat, lon);
    }
}
