package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * A required text left empty is refused naming it in the reader's language: the name is a key of the cases' bundles,
 * never a Chinese word put into an English sentence.
 */
class RequiredNamesTests {

    private static final ResourceBundleMessageSource BUNDLES = bundles();

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages", "messages-cases");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void everyNameIsInBothBundlesAndTheEnglishOneHasNoChineseCharacter() {
        for (Required.What what : Required.What.values()) {
            String zh = BUNDLES.getMessage(what.key(), null, Locale.SIMPLIFIED_CHINESE);
            String en = BUNDLES.getMessage(what.key(), null, Locale.ENGLISH);
            assertThat(zh).as(what.name()).isEqualTo(what.phrase().text()).containsPattern("\\p{IsHan}");
            assertThat(en).as(what.name()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void theRefusalNamesTheFieldInTheReadersLanguage() {
        assertThatThrownBy(() -> Required.text("reason", "  ", Required.What.DECLINE_REASON))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    Phrase phrase = ((DomainException) e).fieldProblems().get(0).phrase();
                    assertThat(read(phrase, Locale.SIMPLIFIED_CHINESE)).isEqualTo("请填写不予受理的理由");
                    assertThat(read(phrase, Locale.ENGLISH)).isEqualTo("Please fill in the reason for not accepting "
                            + "the appeal");
                });
    }

    private static String read(Phrase phrase, Locale locale) {
        return BUNDLES.getMessage(phrase.key(), phrase.arguments(p -> read(p, locale)), phrase.fallback(), locale);
    }
}
