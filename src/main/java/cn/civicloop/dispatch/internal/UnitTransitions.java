package cn.civicloop.dispatch.internal;

import static cn.civicloop.dispatch.UnitAction.*;
import static cn.civicloop.dispatch.UnitStatus.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.dispatch.UnitStatus;

/** The unit status machine as one table: every (status, action) pair not listed here is refused. */
public final class UnitTransitions {

    private static final Map<UnitStatus, Map<UnitAction, UnitStatus>> TABLE = new EnumMap<>(UnitStatus.class);

    static {
        allow(AVAILABLE, DISPATCH, DISPATCHED);
        allow(AVAILABLE, GO_OUT_OF_SERVICE, OUT_OF_SERVICE);
        allow(DISPATCHED, ACKNOWLEDGE, ACKNOWLEDGED);
        allow(DISPATCHED, UnitAction.EN_ROUTE, UnitStatus.EN_ROUTE);
        allow(DISPATCHED, RECALL, AVAILABLE);
        allow(ACKNOWLEDGED, UnitAction.EN_ROUTE, UnitStatus.EN_ROUTE);
        // A unit patrolling next to the scene may report arrival straight after acknowledging.
        allow(ACKNOWLEDGED, ARRIVE, ON_SCENE);
        allow(ACKNOWLEDGED, RECALL, AVAILABLE);
        allow(UnitStatus.EN_ROUTE, ARRIVE, ON_SCENE);
        allow(UnitStatus.EN_ROUTE, RECALL, AVAILABLE);
        allow(ON_SCENE, CLEAR, AVAILABLE);
        allow(OUT_OF_SERVICE, RETURN_TO_SERVICE, AVAILABLE);
    }

    private UnitTransitions() {
    }

    private static void allow(UnitStatus from, UnitAction action, UnitStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(UnitAction.class)).put(action, to);
    }

    /** The status after {@code action}, or empty when the action is not allowed in {@code from}. */
    public static Optional<UnitStatus> next(UnitStatus from, UnitAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }
}
