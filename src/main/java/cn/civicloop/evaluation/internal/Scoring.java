package cn.civicloop.evaluation.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The composite score (综合成绩): Σ weight × figure in percent, over the weighted indicators that have a value; a
 * "less is better" indicator counts as 100 − its percentage. When some weighted indicators have no value (no case
 * in the period), the others' weights are scaled to sum to 1; with none, there is no score ("—").
 */
@Component
@EnableConfigurationProperties(EvaluationProperties.class)
public class Scoring {

    private final EvaluationProperties properties;

    Scoring(EvaluationProperties properties) {
        this.properties = properties;
    }

    public Double score(Calculator.Figures figures, List<Indicator> indicators, Map<String, Double> weights) {
        double sum = 0;
        double weightSum = 0;
        for (Indicator indicator : indicators) {
            Double w = weights.get(indicator.code());
            Calculator.Value v = figures.values().get(indicator.code());
            if (w == null || v == null || v.raw() == null || !indicator.percent()) {
                continue;
            }
            double pct = indicator.shown(v.raw());
            sum += w * (indicator.higherIsBetter() ? pct : 100 - pct);
            weightSum += w;
        }
        return weightSum == 0 ? null : Math.round(sum / weightSum * 100) / 100.0;
    }

    public String grade(Double score) {
        return properties.grade(score);
    }
}
