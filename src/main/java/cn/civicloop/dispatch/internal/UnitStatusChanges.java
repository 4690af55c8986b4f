package cn.civicloop.dispatch.internal;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.Phrase;

/** Applies the unit status table: refuses what it does not allow, records every change and tells the centre. */
@Component
class UnitStatusChanges {

    private final Units units;
    private final DispatchFeed feed;

    UnitStatusChanges(Units units, DispatchFeed feed) {
        this.units = units;
        this.feed = feed;
    }

    UnitStatus apply(UnitRecord u, UnitAction action, Long incidentId, String actor, String reason, Instant at) {
        UnitStatus to = UnitTransitions.next(u.status(), action).orElseThrow(() -> new ConflictException(
                Phrase.of("problem.dispatch.unit-state", "{0} 当前{1}，不能{2}", u.code(), Words.of(u.status()),
                        Words.of(action))));
        Long keep = to == UnitStatus.AVAILABLE || to == UnitStatus.OUT_OF_SERVICE ? null
                : incidentId != null ? incidentId : u.incidentId();
        units.changeStatus(u, action, to, keep, actor, reason, at);
        AfterCommit.run(() -> feed.toCentre("unit", Map.of("code", u.code(), "status", to.name())));
        return to;
    }
}
