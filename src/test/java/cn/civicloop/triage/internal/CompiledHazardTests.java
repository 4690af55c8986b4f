package cn.civicloop.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.Urgency;
import cn.civicloop.classifier.ChineseText;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.HazardMatch;
import cn.civicloop.triage.HazardProbes;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/** How hazard rules match and which one decides, on rules made up here (the shipped set: HazardProbesApiTests). */
class CompiledHazardTests {

    private static HazardRule rule(long id, String name, HazardLevel level, int priority, String patterns,
            String excludes, List<String> channels, String area, String department, boolean diverts) {
        return new HazardRule(id, name, level, patterns, excludes, channels, area, department, null,
                level == HazardLevel.LINKAGE ? Urgency.NORMAL : Urgency.URGENT, level == HazardLevel.LIFE, diverts,
                priority, true, null);
    }

    private static final HazardRule ACCIDENT = rule(1, "轻微事故", HazardLevel.LINKAGE, 1, "剐蹭|追尾", "受伤|流血",
            List.of("POLICE_110", "BLOCK_POLICE"), null, "INS-PICC", true);
    private static final HazardRule INJURY = rule(2, "受伤", HazardLevel.LIFE, 50, "受伤|流血", null, List.of(), null,
            "YJJ", false);
    private static final HazardRule GAS = rule(3, "燃气", HazardLevel.LIFE, 10, "(燃|煤)气.{0,4}(泄[漏露]|味)", null,
            List.of(), null, "YJJ", false);
    private static final HazardRule NOISE = rule(4, "噪音", HazardLevel.LINKAGE, 2, "噪音|扰民", null, List.of(),
            "370402001", "ZFJ", true);

    private static Optional<HazardMatch> first(String text, String channel, List<String> areas, HazardRule... rules) {
        List<HazardRule> sorted = new ArrayList<>(List.of(rules));
        sorted.sort(CompiledHazard.ORDER);
        return CompiledHazard.first(sorted.stream().map(CompiledHazard::of).toList(), ChineseText.normalise(text),
                channel, areas);
    }

    @Test
    void lifeSafetyDecidesBeforeALinkageRuleWhateverTheirPriorityNumbers() {
        HazardMatch m = first("路口两车剐蹭，骑车人腿上流血", "POLICE_110", List.of(), ACCIDENT, INJURY).orElseThrow();
        assertThat(m.ruleName()).isEqualTo("受伤");
        assertThat(m.phrase()).isEqualTo("流血");
        assertThat(m.departmentCode()).isEqualTo("YJJ");
        assertThat(m.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(m.refer110()).isTrue();
    }

    @Test
    void withinALevelTheLowerPriorityNumberThenTheOlderRuleDecides() {
        HazardRule otherGas = rule(9, "燃气二", HazardLevel.LIFE, 10, "煤气味", null, List.of(), null, "ZFJ", false);
        assertThat(first("楼道里一股煤气味", "HOTLINE_12345", List.of(), otherGas, GAS, INJURY).orElseThrow().ruleName())
                .isEqualTo("燃气");
        HazardRule earlier = rule(1, "燃气早", HazardLevel.LIFE, 5, "煤气味", null, List.of(), null, "ZFJ", false);
        assertThat(first("楼道里一股煤气味", "HOTLINE_12345", List.of(), GAS, earlier).orElseThrow().ruleName())
                .isEqualTo("燃气早");
    }

    @Test
    void aNegatedExclusionDoesNotExcludeAndANegatedMatchDoesNotMatch() {
        HazardMatch m = first("两车剐蹭，没有人受伤，双方同意走保险", "BLOCK_POLICE", List.of(), ACCIDENT, INJURY)
                .orElseThrow();
        assertThat(m.ruleName()).isEqualTo("轻微事故");
        assertThat(m.diverted()).isTrue();
        assertThat(first("两车剐蹭，司机受伤", "BLOCK_POLICE", List.of(), ACCIDENT)).isEmpty();
        assertThat(first("不是燃气泄漏，是下水道反味", "HOTLINE_12345", List.of(), GAS)).isEmpty();
    }

    @Test
    void typosAndTraditionalCharactersMatchThroughTheNormalisedText() {
        assertThat(first("燃气泄露了", "WEBSITE", List.of(), GAS)).isPresent();
        assertThat(first("燃氣洩漏", "WEBSITE", List.of(), GAS)).isPresent();
        assertThat(first("煤 气 泄 漏", "WEBSITE", List.of(), GAS).orElseThrow().phrase()).isEqualTo("煤气泄漏");
    }

    @Test
    void channelsAndPlaceLimitARuleAndOnlyAPoliceChannelMakesADiversion() {
        assertThat(first("两车剐蹭", "HOTLINE_12345", List.of(), ACCIDENT)).isEmpty();
        assertThat(first("广场舞噪音", "HOTLINE_12345", List.of("370402002"), NOISE)).isEmpty();
        HazardMatch noise = first("广场舞噪音", "HOTLINE_12345", List.of("370402001", "370402001001"), NOISE)
                .orElseThrow();
        assertThat(noise.diverted()).as("a 12345 appeal is not a 110 call").isFalse();
        assertThat(first("广场舞噪音", "POLICE_110", List.of("370402001"), NOISE).orElseThrow().diverted()).isTrue();
    }

    @Test
    void anInactiveRuleDoesNotMatch() {
        HazardRule off = new HazardRule(3L, "燃气", HazardLevel.LIFE, "煤气", null, List.of(), null, "YJJ", null,
                Urgency.URGENT, false, false, 1, false, null);
        assertThat(first("煤气泄漏", "WEBSITE", List.of(), off)).isEmpty();
    }

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedAndTheNextRuleStillDecides() {
        HazardRule slow = rule(1, "慢", HazardLevel.LIFE, 1, "(a+)+b", null, List.of(), null, "YJJ", false);
        String text = "a".repeat(5_000) + "，煤气泄漏";
        assertThat(first(text, "WEBSITE", List.of(), slow, GAS).orElseThrow().ruleName()).isEqualTo("燃气");
    }

    @Test
    void aPatternWithLatinLettersMatchesAnyCaseAndAHanPatternIsCompiledWithoutFolding() {
        HazardRule ktv = rule(5, "KTV", HazardLevel.LINKAGE, 3, "ktv.{0,4}(吵|响)", null, List.of(), null, "ZFJ", false);
        assertThat(first("楼下KTV太吵了", "HOTLINE_12345", List.of(), ktv).orElseThrow().phrase()).isEqualTo("KTV太吵");
        assertThat(first("楼下Ktv声音很响", "HOTLINE_12345", List.of(), ktv)).isPresent();
        assertThat(CompiledHazard.compile("(燃|煤)气.{0,4}(泄[漏露]|味)|120急救").flags()).isZero();
        assertThat(CompiledHazard.compile("ktv.{0,4}吵").flags()).isNotZero();
        assertThat(CompiledHazard.compile("\\d{11}").flags()).isNotZero();
        assertThat(first("楼道里一股煤气味", "HOTLINE_12345", List.of(), GAS).orElseThrow().phrase()).isEqualTo("煤气味");
    }

    @Test
    void everyShippedPatternIsTriedOnlyWhereAMatchCanBeginAndFindsWhatTheSearchEverywhereFinds() throws Exception {
        List<String> texts = new ArrayList<>(HazardProbes.read(HazardProbes.ASSERTED).stream()
                .map(p -> ChineseText.normalise(p.title() + "\n" + p.content())).toList());
        // all probes in one text: many matches, negated ones among them, each search going on after the last
        texts.add(String.join("。", texts));
        texts.add("胎漏气了，没有漏气。楼下KTV太吵，Ktv声音很响");
        List<CompiledHazard> shipped = HazardProbeBenchmark.shippedRules();
        int compared = 0;
        for (CompiledHazard rule : shipped) {
            for (CompiledHazard.Phrases p : Stream.of(rule.patterns(), rule.excludes()).filter(Objects::nonNull)
                    .toList()) {
                assertThat(p.starts()).as(p.pattern().pattern()).isNotNull();
                CompiledHazard.Phrases everywhere = new CompiledHazard.Phrases(p.pattern(), null);
                for (String text : texts) {
                    assertThat(p.firstNotNegated(text)).as("%s in %s", p.pattern(), text)
                            .isEqualTo(everywhere.firstNotNegated(text));
                    compared += p.firstNotNegated(text) == null ? 0 : 1;
                }
            }
        }
        assertThat(compared).as("matches compared").isGreaterThan(100);
    }
}
