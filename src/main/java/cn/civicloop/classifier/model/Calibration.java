package cn.civicloop.classifier.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Temperature scaling (置信度校准): confidence = softmax(score / T), one temperature per input shape, fitted on
 * out-of-fold scores by minimising the log-loss. One parameter per shape cannot over-fit and keeps the ranking of
 * the linear model; it only makes "0.9" mean "right nine times in ten".
 */
public final class Calibration {

    private final Map<InputShape, Double> temperatures;

    public Calibration(Map<InputShape, Double> temperatures) {
        this.temperatures = new EnumMap<>(InputShape.class);
        this.temperatures.putAll(temperatures);
    }

    /** A held-out prediction: the raw scores, the true label index and the shape of the input. */
    public record Sample(double[] scores, int label, InputShape shape) {
    }

    /** Fits per shape when at least {@code minPerShape} samples have it, otherwise uses the pooled temperature. */
    public static Calibration fit(List<Sample> samples, int minPerShape) {
        double pooled = samples.isEmpty() ? 1.0 : bestTemperature(samples);
        Map<InputShape, Double> t = new EnumMap<>(InputShape.class);
        for (InputShape shape : InputShape.values()) {
            List<Sample> ofShape = samples.stream().filter(s -> s.shape() == shape).toList();
            t.put(shape, ofShape.size() >= minPerShape ? bestTemperature(ofShape) : pooled);
        }
        return new Calibration(t);
    }

    public double[] probabilities(double[] scores, InputShape shape) {
        return softmax(scores, temperatures.getOrDefault(shape, 1.0));
    }

    public double temperature(InputShape shape) {
        return temperatures.get(shape);
    }

    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp((scores[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Golden-section search on ln T in [−5, 3]: the log-loss is unimodal in T for a fixed ranking. */
    private static double bestTemperature(List<Sample> samples) {
        double lo = -5;
        double hi = 3;
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double a = hi - phi * (hi - lo);
            double b = lo + phi * (hi - lo);
            if (logLoss(samples, Math.exp(a)) < logLoss(samples, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double logLoss(List<Sample> samples, double temperature) {
        double loss = 0;
        for (Sample s : samples) {
            loss -= Math.log(Math.max(softmax(s.scores(), temperature)[s.label()], 1e-12));
        }
        return loss;
    }
}
