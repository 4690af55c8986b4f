package cn.civicloop.roads.internal.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.web.RefusalText;

/** Every (status, step) pair of a road issue: the listed ones lead where listed, all others are refused. */
class IssueTransitionsTests {

    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("PENDING PASSED_UP", "PENDING"),
            Map.entry("PENDING ANSWERED", "PENDING"),
            Map.entry("PENDING ESCALATED", "PENDING"),
            Map.entry("PENDING AUTO_ESCALATED", "PENDING"),
            Map.entry("PENDING OVERDUE", "PENDING"),
            Map.entry("PENDING FIXED", "FIXED"),
            Map.entry("PENDING HANDED_OVER", "HANDED_OVER"),
            Map.entry("PENDING RESOLVED", "RESOLVED"));

    @Test
    void everyPairIsAllowedExactlyAsListed() {
        for (IssueStatus from : IssueStatus.values()) {
            for (IssueAction action : IssueAction.values()) {
                assertThat(IssueTransitions.target(from, action).map(Enum::name).orElse(null))
                        .as("%s × %s", from, action).isEqualTo(ALLOWED.get(from + " " + action));
            }
        }
    }

    @Test
    void anIssueStartsPendingAndItsFirstStepIsNoTransition() {
        assertThat(IssueTransitions.START).isEqualTo(IssueStatus.PENDING);
        for (IssueStatus from : IssueStatus.values()) {
            assertThat(IssueTransitions.target(from, IssueAction.REPORTED)).as("REPORTED from %s", from).isEmpty();
        }
    }

    @Test
    void fixedHandedOverAndResolvedAreFinalAndRefusedWith409() {
        for (IssueStatus end : new IssueStatus[] {IssueStatus.FIXED, IssueStatus.HANDED_OVER, IssueStatus.RESOLVED}) {
            assertThat(IssueTransitions.allowedIn(end)).as("%s", end).isEmpty();
            assertThatThrownBy(() -> IssueTransitions.require(end, IssueAction.ANSWERED))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(end.label());
        }
    }

    @Test
    void aRefusalReadsInOneLanguageOnEachPage() {
        for (IssueStatus end : new IssueStatus[] {IssueStatus.FIXED, IssueStatus.HANDED_OVER, IssueStatus.RESOLVED}) {
            String message = catchThrowable(() -> IssueTransitions.require(end, IssueAction.RESOLVED)).getMessage();
            assertThat(RefusalText.in(message, Locale.ENGLISH)).as("%s", end)
                    .isEqualTo("The issue is no longer pending");
            assertThat(RefusalText.in(message, Locale.SIMPLIFIED_CHINESE)).as("%s", end).contains(end.label())
                    .doesNotContainPattern("[A-Za-z]");
        }
    }
}
