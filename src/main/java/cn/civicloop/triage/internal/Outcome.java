package cn.civicloop.triage.internal;

import java.util.List;

import cn.civicloop.triage.HazardMatch;

/**
 * What triage would do with an appeal: the classifier's ranked suggestions, and where the appeal goes when triage
 * decides by itself — by the {@code hazard} rule that matched (whatever the classifier says), or by the routing
 * {@code rule} of a sure classification.
 */
public record Outcome(List<TriageRecords.Suggestion> suggestions, boolean auto, boolean diverted, Rule rule,
        String topCategory, Double confidence, double threshold, String modelVersion, HazardMatch hazard) {

    /** The department triage would assign, or null. */
    public String targetDepartment() {
        return hazard != null ? hazard.departmentCode() : rule == null ? null : rule.departmentCode();
    }

    /** Its unit, or null. */
    public String targetUnit() {
        return hazard != null ? hazard.unitCode() : rule == null ? null : rule.unitCode();
    }
}
