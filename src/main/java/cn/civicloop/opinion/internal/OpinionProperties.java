package cn.civicloop.opinion.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Settings of online opinion ({@code civicloop.opinion.*}).
 *
 * @param similarity     headline similarity (IDF-weighted shingle Jaccard) from which a post joins a topic
 * @param window         how far apart posts of one topic may follow each other; also what is kept in memory
 * @param heat           the heat formula's weights and references ({@link HeatFormula})
 * @param levels         heat thresholds of 蓝, 黄, 橙, 红, ascending
 * @param boardWindow    the board ranks topics whose last post is this recent
 * @param maxBatch       posts per push request; a larger batch is refused with 429 and must be split
 * @param replayWindow   how far a push's signed timestamp may be from now
 * @param farSimilarity  the stricter similarity from which a post joins a topic whose posts are further apart than
 *                       {@code window} (an issue raised again after a quiet spell)
 * @param farWindow      how far apart two posts of a topic may be at all; what is kept in memory
 */
@ConfigurationProperties("civicloop.opinion")
@Validated
public record OpinionProperties(
        @DefaultValue("0.3") @DecimalMin("0.01") @DecimalMax("1.0") double similarity,
        @DefaultValue("30d") Duration window,
        @DefaultValue({"0.35", "0.20", "0.20", "0.10", "0.15", "50", "30", "2000", "168", "24"}) @Size(min = 10, max = 10)
        List<Double> heat,
        @DefaultValue({"20", "40", "60", "80"}) @Size(min = 4, max = 4) List<Double> levels,
        @DefaultValue("7d") Duration boardWindow,
        @DefaultValue("500") @Min(1) int maxBatch,
        @DefaultValue("5m") Duration replayWindow,
        @DefaultValue("0.4") @DecimalMin("0.01") @DecimalMax("1.0") double farSimilarity,
        @DefaultValue("365d") Duration farWindow) {

    HeatFormula heatFormula() {
        return new HeatFormula(heat.get(0), heat.get(1), heat.get(2), heat.get(3), heat.get(4), heat.get(5),
                heat.get(6), heat.get(7), heat.get(8), heat.get(9));
    }

    double[] thresholds() {
        return levels.stream().mapToDouble(Double::doubleValue).toArray();
    }

    ClusteringSettings clustering() {
        return new ClusteringSettings(similarity, window, Math.max(similarity, farSimilarity), farWindow);
    }
}
