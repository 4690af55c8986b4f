package cn.civicloop.triage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The duplicate search's evidence worded from the triage bundle, in Chinese and in English; any other text as is. */
class DuplicateReasonsTests {

    private final DuplicateReasons reasons = new DuplicateReasons(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages-triage");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void eachPlaceOfTheEvidenceIsWordedInTheReadersLanguage() {
        String near = "text 0.62 (needs 0.40); 120 m apart; 3 h apart";
        assertThat(reasons.worded(near, Locale.SIMPLIFIED_CHINESE)).isEqualTo("文本相似度 0.62（须达 0.40）；相距 120 米；相隔 3 小时");
        assertThat(reasons.worded(near, Locale.ENGLISH)).isEqualTo("text similarity 0.62 (needs 0.40); 120 m apart; 3 h apart");
        assertThat(reasons.worded("text 0.55 (needs 0.50); same grid G-01; 0 h apart", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文本相似度 0.55（须达 0.50）；同一网格 G-01；相隔 0 小时");
        assertThat(reasons.worded("text 0.55 (needs 0.50); same community C-7; 12 h apart", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文本相似度 0.55（须达 0.50）；同一社区 C-7；相隔 12 小时");
        assertThat(reasons.worded("text 0.80 (needs 0.70); place not comparable; 1 h apart", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文本相似度 0.80（须达 0.70）；位置无法比较；相隔 1 小时").doesNotContainPattern("[a-z]");
    }

    @Test
    void aReasonInAnyOtherFormIsShownAsItIs() {
        assertThat(reasons.worded("人工标注", Locale.ENGLISH)).isEqualTo("人工标注");
        assertThat(reasons.worded(null, Locale.ENGLISH)).isNull();
    }
}
