package cn.civicloop.triage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import cn.civicloop.classifier.LabelConfidence;
import cn.civicloop.classifier.RoutingSuggestion;
import cn.civicloop.triage.HazardMatch;

/**
 * 一二级研判 as a pure decision. Hazard and linkage rules first: when one matches, it decides the department,
 * whatever the classifier says (ADR 0014). The classifier still ranks its top three categories, each placed by
 * the routing rules, for the dispatcher and the statistics. Without a hazard, routing is automatic only when the
 * top category is at least as sure as its threshold (below 1) and a routing rule names a department for it.
 */
@Component
public class TriageDecider {

    private final ActiveModel model;
    private final Catalogue catalogue;
    private final HazardRuleBook hazards;
    private final double defaultThreshold;

    TriageDecider(ActiveModel model, Catalogue catalogue, HazardRuleBook hazards, TriageProperties properties) {
        this.model = model;
        this.catalogue = catalogue;
        this.hazards = hazards;
        this.defaultThreshold = properties.autoThreshold();
    }

    public Outcome decide(String title, String content, String channel, List<String> areaCodes) {
        HazardMatch hazard = hazards.match(title, content, channel, areaCodes).orElse(null);
        RoutingSuggestion suggestion = model.suggest(title, content);
        return decide(title + "\n" + content, channel, areaCodes, suggestion, model.model().info().version(),
                catalogue.rules(), hazard, this::threshold);
    }

    /** The decision from what was read: the classifier's suggestion, the routing rules and the hazard, if any. */
    static Outcome decide(String text, String channel, List<String> areaCodes, RoutingSuggestion suggestion,
            String version, List<Rule> rules, HazardMatch hazard, ToDoubleFunction<String> threshold) {
        List<TriageRecords.Suggestion> ranked = new ArrayList<>();
        List<LabelConfidence> labels = suggestion.ranked();
        for (int i = 0; i < Math.min(3, labels.size()); i++) {
            LabelConfidence lc = labels.get(i);
            Optional<Rule> rule = Catalogue.best(rules, lc.label(), channel, areaCodes, text);
            ranked.add(new TriageRecords.Suggestion(i + 1, lc.label(), lc.confidence(),
                    rule.map(Rule::departmentCode).orElse(null), rule.map(Rule::unitCode).orElse(null),
                    rule.map(Rule::id).orElse(null)));
        }
        LabelConfidence top = suggestion.top();
        double limit = threshold.applyAsDouble(top.label());
        if (hazard != null) {
            return new Outcome(ranked, true, hazard.diverted(), null, top.label(), top.confidence(), limit, version,
                    hazard);
        }
        Optional<Rule> rule = Catalogue.best(rules, top.label(), channel, areaCodes, text);
        // A threshold of 1 means "always a human": even a certain model does not route that category by itself.
        boolean auto = limit < 1.0 && top.confidence() >= limit && rule.isPresent();
        return new Outcome(ranked, auto, false, rule.orElse(null), top.label(), top.confidence(), limit, version, null);
    }

    /** The category's own threshold if it has one, else the default. */
    double threshold(String category) {
        return catalogue.threshold(category).orElse(defaultThreshold);
    }
}
