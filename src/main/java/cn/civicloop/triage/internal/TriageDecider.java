package cn.civicloop.triage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.civicloop.classifier.LabelConfidence;
import cn.civicloop.classifier.RoutingSuggestion;

/**
 * 一二级研判 as a pure decision: 110 diversion rules first (they need no classifier), then the classifier's top
 * three labels, each placed by the catalogue. Routing is automatic only when the top label is at least as sure as
 * its category's threshold and the catalogue names a department for it.
 */
@Component
public class TriageDecider {

    private final ActiveModel model;
    private final Catalogue catalogue;
    private final double defaultThreshold;

    TriageDecider(ActiveModel model, Catalogue catalogue,
            @Value("${civicloop.triage.auto-threshold:0.93}") double defaultThreshold) {
        this.model = model;
        this.catalogue = catalogue;
        this.defaultThreshold = defaultThreshold;
    }

    public Outcome decide(String title, String content, String channel, List<String> areaCodes) {
        String text = title + "\n" + content;
        List<Rule> rules = catalogue.rules();
        RoutingSuggestion suggestion = model.suggest(title, content);
        String version = model.model().info().version();
        List<TriageRecords.Suggestion> ranked = new ArrayList<>();
        List<LabelConfidence> labels = suggestion.ranked();
        for (int i = 0; i < Math.min(3, labels.size()); i++) {
            LabelConfidence lc = labels.get(i);
            Optional<Rule> rule = Catalogue.best(rules, lc.label(), channel, areaCodes, text, false);
            ranked.add(new TriageRecords.Suggestion(i + 1, lc.label(), lc.confidence(),
                    rule.map(Rule::departmentCode).orElse(null), rule.map(Rule::unitCode).orElse(null),
                    rule.map(Rule::id).orElse(null)));
        }
        LabelConfidence top = suggestion.top();
        Optional<Rule> diversion = Catalogue.best(rules, top.label(), channel, areaCodes, text, true);
        if (diversion.isPresent()) {
            return new Outcome(ranked, true, true, diversion.get(), top.label(), top.confidence(), 0, version);
        }
        double threshold = threshold(top.label());
        Optional<Rule> rule = Catalogue.best(rules, top.label(), channel, areaCodes, text, false);
        // A threshold of 1 means "always a human": even a certain model does not route that category by itself.
        boolean auto = threshold < 1.0 && top.confidence() >= threshold && rule.isPresent();
        return new Outcome(ranked, auto, false, rule.orElse(null), top.label(), top.confidence(), threshold, version);
    }

    /** The category's own threshold if it has one, else the default. */
    double threshold(String category) {
        return catalogue.threshold(category).orElse(defaultThreshold);
    }
}
