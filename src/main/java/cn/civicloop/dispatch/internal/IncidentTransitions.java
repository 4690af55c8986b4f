package cn.civicloop.dispatch.internal;

import static cn.civicloop.dispatch.IncidentAction.*;
import static cn.civicloop.dispatch.IncidentStatus.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentStatus;

/** The incident lifecycle as one table: every (status, action) pair not listed here is refused. */
public final class IncidentTransitions {

    private static final Map<IncidentStatus, Map<IncidentAction, IncidentStatus>> TABLE = new EnumMap<>(IncidentStatus.class);

    static {
        allow(OPEN, DISPATCH_UNIT, DISPATCHED);
        allow(OPEN, ATTACH_CALL, OPEN);
        allow(OPEN, CANCEL, CANCELLED);
        allow(OPEN, DIVERT, DIVERTED);
        allow(DISPATCHED, DISPATCH_UNIT, DISPATCHED);
        allow(DISPATCHED, UNIT_ARRIVED, ON_SCENE);
        allow(DISPATCHED, ATTACH_CALL, DISPATCHED);
        allow(DISPATCHED, REQUEUE, OPEN);
        allow(DISPATCHED, CANCEL, CANCELLED);
        allow(ON_SCENE, DISPATCH_UNIT, ON_SCENE);
        allow(ON_SCENE, UNIT_ARRIVED, ON_SCENE);
        allow(ON_SCENE, ATTACH_CALL, ON_SCENE);
        allow(ON_SCENE, CLEAR, CLEARED);
        allow(DIVERTED, LINKAGE_FEEDBACK, DIVERTED);
        allow(DIVERTED, LINKAGE_CLOSED, CLOSED);
    }

    private IncidentTransitions() {
    }

    private static void allow(IncidentStatus from, IncidentAction action, IncidentStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(IncidentAction.class)).put(action, to);
    }

    /** The status after {@code action}, or empty when the action is not allowed in {@code from}. */
    public static Optional<IncidentStatus> next(IncidentStatus from, IncidentAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }
}
