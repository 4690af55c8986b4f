package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.dispatch.internal.UnitTransitions;

/** Every (status, action) pair of the unit status machine: the listed ones lead where listed, all others are refused. */
class UnitTransitionsTests {

    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("AVAILABLE DISPATCH", "DISPATCHED"),
            Map.entry("AVAILABLE GO_OUT_OF_SERVICE", "OUT_OF_SERVICE"),
            Map.entry("DISPATCHED ACKNOWLEDGE", "ACKNOWLEDGED"),
            Map.entry("DISPATCHED EN_ROUTE", "EN_ROUTE"),
            Map.entry("DISPATCHED RECALL", "AVAILABLE"),
            Map.entry("ACKNOWLEDGED EN_ROUTE", "EN_ROUTE"),
            Map.entry("ACKNOWLEDGED ARRIVE", "ON_SCENE"),
            Map.entry("ACKNOWLEDGED RECALL", "AVAILABLE"),
            Map.entry("EN_ROUTE ARRIVE", "ON_SCENE"),
            Map.entry("EN_ROUTE RECALL", "AVAILABLE"),
            Map.entry("ON_SCENE CLEAR", "AVAILABLE"),
            Map.entry("OUT_OF_SERVICE RETURN_TO_SERVICE", "AVAILABLE"));

    @Test
    void everyPairIsAllowedExactlyAsListed() {
        int pairs = 0;
        for (UnitStatus from : UnitStatus.values()) {
            for (UnitAction action : UnitAction.values()) {
                String expected = ALLOWED.get(from + " " + action);
                assertThat(UnitTransitions.next(from, action).map(Enum::name).orElse(null))
                        .as("%s × %s", from, action).isEqualTo(expected);
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(UnitStatus.values().length * UnitAction.values().length);
    }

    @Test
    void onlyAnAvailableUnitCanBeDispatchedAndOnlyOnSceneCanClear() {
        for (UnitStatus s : UnitStatus.values()) {
            assertThat(UnitTransitions.next(s, UnitAction.DISPATCH)).as(s.name()).isEqualTo(
                    s == UnitStatus.AVAILABLE ? java.util.Optional.of(UnitStatus.DISPATCHED) : java.util.Optional.empty());
            assertThat(UnitTransitions.next(s, UnitAction.CLEAR).isPresent()).as(s.name()).isEqualTo(s == UnitStatus.ON_SCENE);
        }
    }
}
