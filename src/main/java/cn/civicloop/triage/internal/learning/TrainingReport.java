package cn.civicloop.triage.internal.learning;

import java.util.Map;

/**
 * The report of a training run: the candidate and the model in service, each evaluated on the same held-out
 * examples — the candidate never saw them; the model in service may have (it was trained on everything it had,
 * the seed corpus included), which can only flatter it — what the run trained on per category, and how long each part
 * took.
 */
public record TrainingReport(ModelEvaluation candidate, ModelEvaluation inService, Map<String, Integer> trainedPerCategory,
        int heldOut, long trainingMillis, long evaluationMillis, boolean candidateBetter) {
}
