package cn.civicloop.triage.internal;

import java.util.List;

/**
 * What triage would do with an appeal: the ranked suggestions, and the rule and department when it routes it
 * by itself (a 110 diversion, or a sure classification with a matching catalogue rule).
 */
public record Outcome(List<TriageRecords.Suggestion> suggestions, boolean auto, boolean diverted, Rule rule,
        String topCategory, Double confidence, double threshold, String modelVersion) {
}
