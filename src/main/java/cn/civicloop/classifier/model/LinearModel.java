package cn.civicloop.classifier.model;

import de.bwaldvogel.liblinear.Feature;

/**
 * One weight row per label over the vocabulary columns plus a bias (线性打分). Kept as floats: half the size of
 * doubles, and a loaded model scores exactly as the one that was saved.
 */
public final class LinearModel {

    private final int labels;
    private final int features;
    private final float[] weights;

    /** {@code weights[label * (features + 1) + column]}, column 0 holding the bias. */
    public LinearModel(int labels, int features, float[] weights) {
        if (weights.length != labels * (features + 1)) {
            throw new IllegalArgumentException("weights do not match " + labels + " labels × " + features + " features");
        }
        this.labels = labels;
        this.features = features;
        this.weights = weights;
    }

    public double[] scores(Feature[] x) {
        double[] scores = new double[labels];
        int stride = features + 1;
        for (int label = 0; label < labels; label++) {
            int row = label * stride;
            double sum = weights[row];
            for (Feature f : x) {
                sum += weights[row + f.getIndex()] * f.getValue();
            }
            scores[label] = sum;
        }
        return scores;
    }

    public int labels() {
        return labels;
    }

    public int features() {
        return features;
    }

    float[] weights() {
        return weights;
    }
}
