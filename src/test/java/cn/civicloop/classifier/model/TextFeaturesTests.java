package cn.civicloop.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class TextFeaturesTests {

    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    @Test
    void theSharedBlockHoldsTheSameWordsAsTheTitleBlock() {
        Map<String, Integer> f = TextFeatures.of("小区门口下水道堵塞，污水外溢", null, CONFIG);
        assertThat(block(f, "tw")).isNotEmpty().containsKey("下水道").isEqualTo(block(f, "sw"));
        assertThat(block(f, "tc")).isEqualTo(block(f, "sc"));
    }

    @Test
    void theBodyKeepsItsLongerGramsWhileItsSharedCopyStopsAtTheSharedLength() {
        Map<String, Integer> f = TextFeatures.of(null, "噪音扰民噪音", CONFIG);
        assertThat(block(f, "dw")).isNotEmpty().isEqualTo(block(f, "sw"));
        assertThat(f).containsEntry("dc噪音扰", 1).containsEntry("dc噪音", 2).containsEntry("sc噪音", 2)
                .doesNotContainKey("sc噪音扰");
    }

    @Test
    void aTitleAndABodyAddUpInTheSharedBlock() {
        Map<String, Integer> f = TextFeatures.of("路灯不亮", "路灯坏了", CONFIG);
        assertThat(f).containsEntry("tc路灯", 1).containsEntry("dc路灯", 1).containsEntry("sc路灯", 2);
        assertThat(f.get("sw路灯")).isEqualTo(f.get("tw路灯") + f.get("dw路灯"));
    }

    @Test
    void withoutASharedBlockOnlyTheTextsOwnBlocksAreCounted() {
        FeatureConfig unshared = new FeatureConfig(2, true, 2, 0.7f, 1.0f, 0.0f, 0.5, 0.0, 0.25, 3, 0.05, 0.01, 3);
        Map<String, Integer> f = TextFeatures.of("路灯不亮", "路灯坏了", unshared);
        assertThat(f.keySet()).isNotEmpty().allMatch(k -> k.startsWith("t") || k.startsWith("d"));
    }

    @Test
    void ourSegmentationWordsKeepAGovernmentBodyWholeOnlyWhenSwitchedOn() {
        String title = "向住房和城乡建设局反映加装电梯";
        Map<String, Integer> with = TextFeatures.of(title, null, CONFIG);
        Map<String, Integer> without = TextFeatures.of(title, null, CONFIG.withRoutingTerms(false));
        assertThat(CONFIG.routingTerms()).isTrue();
        assertThat(with).containsKey("tw住房和城乡建设局").containsKey("tw加装电梯");
        assertThat(without).doesNotContainKey("tw住房和城乡建设局").containsKey("tw建设局");
        assertThat(block(with, "tc")).isEqualTo(block(without, "tc"));
    }

    /** The terms of one block and kind (the first two letters of a key), without that prefix. */
    private static Map<String, Integer> block(Map<String, Integer> features, String prefix) {
        Map<String, Integer> out = new TreeMap<>();
        features.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(2), v);
            }
        });
        return out;
    }
}
