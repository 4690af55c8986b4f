package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.dispatch.internal.IncidentTransitions;

/** Every (status, action) pair of the incident lifecycle: the listed ones lead where listed, all others are refused. */
class IncidentTransitionsTests {

    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("OPEN DISPATCH_UNIT", "DISPATCHED"),
            Map.entry("OPEN ATTACH_CALL", "OPEN"),
            Map.entry("OPEN CANCEL", "CANCELLED"),
            Map.entry("OPEN DIVERT", "DIVERTED"),
            Map.entry("DISPATCHED DISPATCH_UNIT", "DISPATCHED"),
            Map.entry("DISPATCHED UNIT_ARRIVED", "ON_SCENE"),
            Map.entry("DISPATCHED ATTACH_CALL", "DISPATCHED"),
            Map.entry("DISPATCHED REQUEUE", "OPEN"),
            Map.entry("DISPATCHED CANCEL", "CANCELLED"),
            Map.entry("ON_SCENE DISPATCH_UNIT", "ON_SCENE"),
            Map.entry("ON_SCENE UNIT_ARRIVED", "ON_SCENE"),
            Map.entry("ON_SCENE ATTACH_CALL", "ON_SCENE"),
            Map.entry("ON_SCENE CLEAR", "CLEARED"),
            Map.entry("DIVERTED LINKAGE_FEEDBACK", "DIVERTED"),
            Map.entry("DIVERTED LINKAGE_CLOSED", "CLOSED"));

    @Test
    void everyPairIsAllowedExactlyAsListed() {
        for (IncidentStatus from : IncidentStatus.values()) {
            for (IncidentAction action : IncidentAction.values()) {
                assertThat(IncidentTransitions.next(from, action).map(Enum::name).orElse(null))
                        .as("%s × %s", from, action).isEqualTo(ALLOWED.get(from + " " + action));
            }
        }
    }

    @Test
    void anEndedIncidentAcceptsNothing() {
        for (IncidentStatus from : IncidentStatus.values()) {
            if (from.ended()) {
                for (IncidentAction action : IncidentAction.values()) {
                    assertThat(IncidentTransitions.next(from, action)).as("%s × %s", from, action).isEmpty();
                }
            }
        }
    }
}
