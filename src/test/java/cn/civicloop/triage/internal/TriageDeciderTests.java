package cn.civicloop.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import cn.civicloop.cases.Urgency;
import cn.civicloop.classifier.LabelConfidence;
import cn.civicloop.classifier.RoutingSuggestion;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.HazardMatch;

/** The decision at its edges: the automatic-assignment threshold, a missing routing rule, a hazard rule. */
class TriageDeciderTests {

    /** The shipped default, read the way the application binds it (nothing configured). */
    private static final double DEFAULT = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("civicloop.triage", TriageProperties.class).autoThreshold();

    private static final Rule BUILDING = new Rule(7L, "城乡建设", null, null, null, null, "ZJJ", null, 100, true, null);
    private static final Rule ENVIRONMENT = new Rule(8L, "环境保护", null, null, null, null, "HBJ", null, 100, true, null);

    private static Outcome decide(String top, double confidence, List<Rule> rules, HazardMatch hazard,
            ToDoubleFunction<String> threshold) {
        String other = top.equals("城乡建设") ? "环境保护" : "城乡建设";
        RoutingSuggestion s = new RoutingSuggestion(List.of(new LabelConfidence(top, confidence),
                new LabelConfidence(other, (1 - confidence) * 0.7), new LabelConfidence("交通运输", (1 - confidence) * 0.3)),
                false);
        return TriageDecider.decide("标题\n内容", "HOTLINE_12345", List.of(), s, "v1", rules, hazard, threshold);
    }

    private static Outcome decide(double confidence, ToDoubleFunction<String> threshold) {
        return decide("城乡建设", confidence, List.of(BUILDING, ENVIRONMENT), null, threshold);
    }

    @Test
    void theDefaultThresholdIsReachedAtEqualityNotBelow() {
        assertThat(DEFAULT).isEqualTo(0.93);
        assertThat(decide(Math.nextDown(DEFAULT), c -> DEFAULT).auto()).as("just below").isFalse();
        Outcome equal = decide(DEFAULT, c -> DEFAULT);
        assertThat(equal.auto()).as("equal").isTrue();
        assertThat(equal.targetDepartment()).isEqualTo("ZJJ");
        assertThat(equal.threshold()).isEqualTo(DEFAULT);
        assertThat(decide(Math.nextUp(DEFAULT), c -> DEFAULT).auto()).as("just above").isTrue();
    }

    @Test
    void aCategorysOwnThresholdReplacesTheDefault() {
        ToDoubleFunction<String> own = c -> c.equals("城乡建设") ? 0.8 : DEFAULT;
        assertThat(decide(Math.nextDown(0.8), own).auto()).isFalse();
        assertThat(decide(0.8, own).auto()).isTrue();
        assertThat(decide(0.85, own).auto()).as("below the default, above its own").isTrue();
        ToDoubleFunction<String> strict = c -> c.equals("城乡建设") ? 0.97 : DEFAULT;
        assertThat(decide(0.95, strict).auto()).as("above the default, below its own").isFalse();
    }

    @Test
    void aThresholdOfOneMeansAlwaysAPerson() {
        assertThat(decide(1.0, c -> 1.0).auto()).isFalse();
    }

    @Test
    void withoutARoutingRuleForTheCategoryNothingIsAssignedHoweverSure() {
        Outcome o = decide("城乡建设", 0.99, List.of(ENVIRONMENT), null, c -> DEFAULT);
        assertThat(o.auto()).isFalse();
        assertThat(o.rule()).isNull();
        assertThat(o.targetDepartment()).isNull();
    }

    @Test
    void aHazardRuleDecidesWhateverTheClassifiersConfidenceAndItStillSuggests() {
        HazardMatch gas = new HazardMatch(3, "燃气泄漏", HazardLevel.LIFE, "燃气泄漏", "YJJ", null, Urgency.URGENT,
                false, false);
        Outcome sure = decide("环境保护", 0.99, List.of(BUILDING, ENVIRONMENT), gas, c -> DEFAULT);
        assertThat(sure.auto()).isTrue();
        assertThat(sure.targetDepartment()).as("not the classifier's 生态环境局").isEqualTo("YJJ");
        assertThat(sure.rule()).isNull();
        assertThat(sure.topCategory()).isEqualTo("环境保护");
        assertThat(sure.suggestions()).hasSize(3);
        assertThat(sure.suggestions().get(0).departmentCode()).isEqualTo("HBJ");
        assertThat(sure.suggestions()).extracting(TriageRecords.Suggestion::rank).containsExactly(1, 2, 3);
        assertThat(sure.suggestions()).extracting(TriageRecords.Suggestion::category)
                .containsExactly("环境保护", "城乡建设", "交通运输");
        Outcome unsure = decide("环境保护", 0.2, List.of(), gas, c -> DEFAULT);
        assertThat(unsure.auto()).isTrue();
        assertThat(unsure.targetDepartment()).isEqualTo("YJJ");
        assertThat(unsure.diverted()).isFalse();
        HazardMatch insurer = new HazardMatch(1, "轻微交通事故", HazardLevel.LINKAGE, "剐蹭", "INS-PICC", null,
                Urgency.NORMAL, false, true);
        assertThat(decide("交通运输", 0.99, List.of(), insurer, c -> DEFAULT).diverted()).isTrue();
    }

    @Test
    void theDeciderAsksTheActiveModelTheCatalogueAndTheCategorysOwnThreshold() {
        ActiveModel model = org.mockito.Mockito.mock(ActiveModel.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        Catalogue catalogue = org.mockito.Mockito.mock(Catalogue.class);
        HazardRuleBook hazards = org.mockito.Mockito.mock(HazardRuleBook.class);
        org.mockito.Mockito.when(model.suggest("路灯不亮", "整条街都黑")).thenReturn(new RoutingSuggestion(List.of(
                new LabelConfidence("城乡建设", 0.85), new LabelConfidence("环境保护", 0.1)), false));
        org.mockito.Mockito.when(model.model().info().version()).thenReturn("v7");
        org.mockito.Mockito.when(catalogue.rules()).thenReturn(List.of(BUILDING, ENVIRONMENT));
        org.mockito.Mockito.when(catalogue.threshold(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(a -> a.getArgument(0).equals("城乡建设") ? java.util.Optional.of(0.8)
                        : java.util.Optional.empty());
        org.mockito.Mockito.when(hazards.match(org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyList())).thenReturn(java.util.Optional.empty());
        TriageProperties configured = new Binder(new MapConfigurationPropertySource(
                Map.of("civicloop.triage.auto-threshold", "0.9"))).bindOrCreate("civicloop.triage", TriageProperties.class);
        TriageDecider decider = new TriageDecider(model, catalogue, hazards, configured);

        Outcome o = decider.decide("路灯不亮", "整条街都黑", "HOTLINE_12345", List.of());
        assertThat(o.auto()).as("0.85 reaches its own 0.8, not the default 0.9").isTrue();
        assertThat(o.threshold()).isEqualTo(0.8);
        assertThat(o.modelVersion()).isEqualTo("v7");
        assertThat(o.targetDepartment()).isEqualTo("ZJJ");
        assertThat(decider.threshold("城乡建设")).isEqualTo(0.8);
        assertThat(decider.threshold("环境保护")).as("no threshold of its own: the configured default").isEqualTo(0.9);
    }
}
