package cn.civicloop.triage.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The report's figures on a hand-counted example. */
class ModelEvaluationTest {

    @Test
    void perClassFiguresConfusionReliabilityAndAutomationAddUp() {
        List<String> truth = List.of("A", "A", "A", "B", "B");
        List<String> predicted = List.of("A", "A", "B", "B", "A");
        double[] confidence = {0.95, 0.85, 0.55, 0.99, 0.65};
        ModelEvaluation e = ModelEvaluation.of("v", truth, predicted, confidence, List.of("A", "B"));

        assertThat(e.accuracy()).isCloseTo(0.6, within(1e-9));
        assertThat(e.confusion()).isDeepEqualTo(new int[][] {{2, 1}, {1, 1}});
        ModelEvaluation.PerClass a = e.perClass().get(0);
        assertThat(a.precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(a.recall()).isCloseTo(2 / 3.0, within(1e-9));
        ModelEvaluation.PerClass b = e.perClass().get(1);
        assertThat(b.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(e.macroF1()).isCloseTo((2 / 3.0 + 0.5) / 2, within(1e-9));

        assertThat(e.reliability().stream().mapToInt(ModelEvaluation.ReliabilityBin::count).sum()).isEqualTo(5);
        ModelEvaluation.ReliabilityBin top = e.reliability().get(9);
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.accuracy()).isEqualTo(1.0);

        ModelEvaluation.AutomationPoint at90 = e.automation().stream().filter(p -> p.threshold() == 0.9).findFirst()
                .orElseThrow();
        assertThat(at90.routed()).isEqualTo(2);
        assertThat(at90.routedShare()).isCloseTo(0.4, within(1e-9));
        assertThat(at90.precision()).isEqualTo(1.0);
        ModelEvaluation.AutomationPoint at50 = e.automation().stream().filter(p -> p.threshold() == 0.5).findFirst()
                .orElseThrow();
        assertThat(at50.routedShare()).isEqualTo(1.0);
        assertThat(at50.precision()).isCloseTo(0.6, within(1e-9));
    }
}
