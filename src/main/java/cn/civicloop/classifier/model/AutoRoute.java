package cn.civicloop.classifier.model;

import java.util.List;

/**
 * Picks the auto-route threshold (自动分拨阈值): the lowest confidence at which the messages at or above it were
 * right at least {@code targetAccuracy} of the time out of fold. Lowest, because every point of threshold sends
 * more messages to a person; but never below 0.5, where the top label may not even be a majority.
 */
public final class AutoRoute {

    private AutoRoute() {
    }

    /** {@code samples} hold calibrated probabilities; {@code fallback} when the target is out of reach. */
    public static double threshold(List<Calibration.Sample> samples, double targetAccuracy, int minRouted,
            double fallback) {
        for (int step = 50; step <= 99; step++) {
            double t = step / 100.0;
            int routed = 0;
            int right = 0;
            for (Calibration.Sample s : samples) {
                int top = argmax(s.scores());
                if (s.scores()[top] >= t) {
                    routed++;
                    right += top == s.label() ? 1 : 0;
                }
            }
            if (routed >= minRouted && right >= targetAccuracy * routed) {
                return t;
            }
        }
        return fallback;
    }

    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
