package cn.civicloop.roads.internal.whistles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.shared.ConflictException;

/** Every (status, action) pair of a whistle: the listed ones lead where listed, all others are refused. */
class WhistleTransitionsTests {

    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("OPEN ACKNOWLEDGE", "OPEN"),
            Map.entry("OPEN REPORT", "OPEN"),
            Map.entry("OPEN NOTE", "OPEN"),
            Map.entry("OPEN RATE", "OPEN"),
            Map.entry("OPEN RESOLVE", "RESOLVED"),
            Map.entry("RESOLVED ACKNOWLEDGE", "RESOLVED"),
            Map.entry("RESOLVED REPORT", "RESOLVED"),
            Map.entry("RESOLVED NOTE", "RESOLVED"),
            Map.entry("RESOLVED RATE", "RESOLVED"),
            Map.entry("RESOLVED RELEASE", "RESOLVED"));

    @Test
    void everyPairIsAllowedExactlyAsListed() {
        for (WhistleStatus from : WhistleStatus.values()) {
            for (WhistleAction action : WhistleAction.values()) {
                assertThat(WhistleTransitions.target(from, action).map(Enum::name).orElse(null))
                        .as("%s × %s", from, action).isEqualTo(ALLOWED.get(from + " " + action));
            }
        }
    }

    @Test
    void nobodyLeavesAnOpenWhistleAndItIsResolvedOnce() {
        assertThat(WhistleTransitions.START).isEqualTo(WhistleStatus.OPEN);
        assertThatThrownBy(() -> WhistleTransitions.require(WhistleStatus.OPEN, WhistleAction.RELEASE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("事不完，人不撤");
        assertThatThrownBy(() -> WhistleTransitions.require(WhistleStatus.RESOLVED, WhistleAction.RESOLVE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已办结");
    }
}
