package cn.civicloop.roads.internal.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.Phrase;

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
    void aRefusalReadsInOneLanguageWithTheStatusLabelInIt() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("messages-roads");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        Map<IssueStatus, String> english = Map.of(IssueStatus.FIXED, "Fixed on the spot",
                IssueStatus.HANDED_OVER, "Handed to a department", IssueStatus.RESOLVED, "Resolved");
        for (IssueStatus end : english.keySet()) {
            DomainException e = (DomainException) catchThrowable(() -> IssueTransitions.require(end, IssueAction.RESOLVED));
            assertThat(read(bundles, e.phrase(), Locale.ENGLISH)).as("%s", end)
                    .isEqualTo("The issue is no longer pending (status: " + english.get(end) + ")")
                    .doesNotContainPattern("\\p{IsHan}");
            assertThat(read(bundles, e.phrase(), Locale.SIMPLIFIED_CHINESE)).as("%s", end)
                    .isEqualTo("该问题当前为" + end.label() + "，已不在待处置状态");
            assertThat(e.getMessage()).as("the Chinese default, for logs").isEqualTo("该问题当前为" + end.label() + "，已不在待处置状态");
        }
    }

    /** What {@code RefusalText} does with the application's bundles: the phrase, its phrases read alike. */
    private static String read(MessageSource bundles, Phrase phrase, Locale locale) {
        return bundles.getMessage(phrase.key(), phrase.arguments(p -> read(bundles, p, locale)), phrase.fallback(), locale);
    }
}
