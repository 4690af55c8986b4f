package cn.civicloop.classifier;

import java.util.List;

/**
 * The model's answer for one message (分拨建议): all categories ranked by confidence (summing to 1), and whether
 * the top one reaches the model's auto-route threshold — below it a person decides (人工研判).
 */
public record RoutingSuggestion(List<LabelConfidence> ranked, boolean autoRoute) {

    public RoutingSuggestion {
        ranked = List.copyOf(ranked);
    }

    public LabelConfidence top() {
        return ranked.get(0);
    }
}
