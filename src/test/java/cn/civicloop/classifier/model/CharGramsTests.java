package cn.civicloop.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CharGramsTests {

    @Test
    void gramsUpToTheLongestAreCountedUnderTheBlocksPrefix() {
        Map<String, Integer> counts = new HashMap<>();
        CharGrams.count("路灯路灯", TextFeatures.TITLE, 2, counts);
        assertThat(counts).containsOnly(Map.entry("tc路", 2), Map.entry("tc灯", 2), Map.entry("tc路灯", 2),
                Map.entry("tc灯路", 1));
    }

    @Test
    void punctuationAndSpacesEndAGramRun() {
        Map<String, Integer> counts = new HashMap<>();
        CharGrams.count("路灯，不亮 a1", TextFeatures.DETAIL, 3, counts);
        assertThat(counts).containsKeys("dc路灯", "dc不亮", "dca1").doesNotContainKeys("dc灯不", "dc灯，", "dc亮 a",
                "dc，");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneCharacterOfAGram() {
        Map<String, Integer> counts = new HashMap<>();
        CharGrams.count("𠮷野", TextFeatures.SHARED, 2, counts);
        assertThat(counts).containsOnlyKeys("sc𠮷", "sc野", "sc𠮷野");
    }

    @Test
    void countsAddToThoseAlreadyThere() {
        Map<String, Integer> counts = new HashMap<>(Map.of("tc路", 3));
        CharGrams.count("路", TextFeatures.TITLE, 1, counts);
        assertThat(counts).containsOnly(Map.entry("tc路", 4));
    }
}
