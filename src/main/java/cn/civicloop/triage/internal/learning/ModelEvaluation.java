package cn.civicloop.triage.internal.learning;

import java.util.ArrayList;
import java.util.List;

import cn.civicloop.classifier.RoutingExample;
import cn.civicloop.classifier.RoutingModel;
import cn.civicloop.classifier.RoutingSuggestion;

/**
 * How one model does on held-out examples (评估报告): accuracy and macro-F1; per category precision, recall and F1;
 * the confusion matrix (rows: the true category, columns: the model's); the reliability diagram (for each tenth of
 * confidence, how often the model was right: a calibrated model is right as often as it is sure); and the automation
 * curve — for each threshold, the share of messages routed without a person and how many of those were right.
 *
 * @param labels the categories in the order of the matrix: the held-out labels, then any other the model predicted
 */
public record ModelEvaluation(String version, int examples, double accuracy, double macroF1, List<String> labels,
        List<PerClass> perClass, int[][] confusion, List<ReliabilityBin> reliability, List<AutomationPoint> automation) {

    public record PerClass(String label, int support, double precision, double recall, double f1) {
    }

    public record ReliabilityBin(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    public record AutomationPoint(double threshold, double routedShare, double precision, int routed) {
    }

    /** Thresholds of the automation curve. */
    static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99};

    /** Evaluates {@code model} on {@code heldOut}; {@code labels} fixes the first labels of the matrix (shared order). */
    public static ModelEvaluation of(RoutingModel model, List<RoutingExample> heldOut, List<String> labels) {
        int n = heldOut.size();
        String[] predicted = new String[n];
        double[] confidence = new double[n];
        List<String> all = new ArrayList<>(labels);
        for (int i = 0; i < n; i++) {
            RoutingExample e = heldOut.get(i);
            RoutingSuggestion s = model.suggest(e.title(), e.detail());
            predicted[i] = s.top().label();
            confidence[i] = s.top().confidence();
            if (!all.contains(predicted[i])) {
                all.add(predicted[i]);
            }
        }
        return of(model.info().version(), heldOut.stream().map(RoutingExample::label).toList(),
                List.of(predicted), confidence, all);
    }

    /** The figures from the true labels, the predicted ones and the confidence of each prediction. */
    static ModelEvaluation of(String version, List<String> truth, List<String> predicted, double[] confidence,
            List<String> labels) {
        int k = labels.size();
        int n = truth.size();
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            confusion[labels.indexOf(truth.get(i))][labels.indexOf(predicted.get(i))]++;
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        List<PerClass> perClass = new ArrayList<>();
        double f1Sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int j = 0; j < k; j++) {
                support += confusion[c][j];
                predictedAs += confusion[j][c];
            }
            if (support == 0 && predictedAs == 0) {
                continue;
            }
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new PerClass(labels.get(c), support, precision, recall, f1));
            f1Sum += f1;
            classes++;
        }
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double from = b / 10.0;
            double to = (b + 1) / 10.0;
            int count = 0;
            int right = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (confidence[i] >= from && (confidence[i] < to || b == 9)) {
                    count++;
                    sum += confidence[i];
                    if (truth.get(i).equals(predicted.get(i))) {
                        right++;
                    }
                }
            }
            bins.add(new ReliabilityBin(from, to, count, count == 0 ? 0 : sum / count, count == 0 ? 0 : (double) right / count));
        }
        List<AutomationPoint> automation = new ArrayList<>();
        for (double t : THRESHOLDS) {
            int routed = 0;
            int right = 0;
            for (int i = 0; i < n; i++) {
                if (confidence[i] >= t) {
                    routed++;
                    if (truth.get(i).equals(predicted.get(i))) {
                        right++;
                    }
                }
            }
            automation.add(new AutomationPoint(t, n == 0 ? 0 : (double) routed / n, routed == 0 ? 1 : (double) right / routed,
                    routed));
        }
        return new ModelEvaluation(version, n, n == 0 ? 0 : (double) correct / n, classes == 0 ? 0 : f1Sum / classes,
                List.copyOf(labels), perClass, confusion, bins, automation);
    }
}
