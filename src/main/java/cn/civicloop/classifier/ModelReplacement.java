package cn.civicloop.classifier;

import cn.civicloop.classifier.model.Evaluation;
import java.util.List;

/**
 * Decides whether a retrained model may replace the one in service (模型替换): only if it is not worse on the same
 * held-out examples by macro-F1. Both models are scored on identical rows; a held-out label that a model does not
 * know counts as an error for that model.
 */
public final class ModelReplacement {

    private ModelReplacement() {
    }

    /** The outcome with both scores, so that the decision can be logged and explained. */
    public record Decision(boolean replace, double candidateMacroF1, double currentMacroF1, String reason) {
    }

    /** {@code current} may be {@code null} when no model is in service yet. */
    public static Decision decide(RoutingModel candidate, RoutingModel current, List<RoutingExample> heldOut) {
        if (heldOut.isEmpty()) {
            throw new IllegalArgumentException("a held-out set is needed to compare models");
        }
        double candidateF1 = macroF1(candidate, heldOut);
        if (current == null) {
            return new Decision(true, candidateF1, Double.NaN, "no model in service");
        }
        double currentF1 = macroF1(current, heldOut);
        boolean replace = candidateF1 >= currentF1;
        String reason = String.format(java.util.Locale.ROOT, "candidate macro-F1 %.4f %s current %.4f on %d examples",
                candidateF1, replace ? "≥" : "<", currentF1, heldOut.size());
        return new Decision(replace, candidateF1, currentF1, reason);
    }

    /** Macro-F1 over the held-out labels plus any other label the model predicts — with F1 0, so straying costs. */
    static double macroF1(RoutingModel model, List<RoutingExample> heldOut) {
        List<String> labels = new java.util.ArrayList<>(new java.util.TreeSet<>(
                heldOut.stream().map(RoutingExample::label).toList()));
        int[] truth = new int[heldOut.size()];
        int[] predicted = new int[heldOut.size()];
        for (int i = 0; i < heldOut.size(); i++) {
            RoutingExample e = heldOut.get(i);
            truth[i] = labels.indexOf(e.label());
            String top = model.suggest(e.title(), e.detail()).top().label();
            if (!labels.contains(top)) {
                labels.add(top);
            }
            predicted[i] = labels.indexOf(top);
        }
        return Evaluation.of(truth, predicted, labels.size()).macroF1();
    }
}
