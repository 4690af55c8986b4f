package cn.civicloop.classifier.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Fits the one-vs-rest linear SVM and logistic regression with liblinear and folds them into one weight matrix:
 * both are linear in the same features, so their weighted sum is again a single linear model — an ensemble at the
 * cost of one. Labels are the indices 0 … k−1.
 */
public final class LinearTrainer {

    static {
        Linear.disableDebugOutput();
    }

    private LinearTrainer() {
    }

    public static LinearModel train(Feature[][] x, int[] y, int labelCount, Vocabulary vocabulary, FeatureConfig config) {
        return train(x, y, labelCount, vocabulary, config, SolverType.L2R_L2LOSS_SVC_DUAL);
    }

    /**
     * The same with another liblinear solver for the SVM (the benchmark's {@code RoutingSweep} compares the
     * one-vs-rest L2-loss SVM of the default with the L1-loss and the Crammer–Singer multi-class SVM).
     */
    public static LinearModel train(Feature[][] x, int[] y, int labelCount, Vocabulary vocabulary, FeatureConfig config,
            SolverType svmSolver) {
        int featureCount = vocabulary.size();
        Problem problem = problem(x, y, featureCount);
        float[] combined = new float[labelCount * (featureCount + 1)];
        if (config.svmC() > 0) {
            add(combined, Linear.train(problem, new Parameter(svmSolver, config.svmC(), 0.1)),
                    labelCount, featureCount, 1.0);
        }
        if (config.nbWeight() > 0) {
            addNaiveBayes(combined, x, y, labelCount, vocabulary.terms(), config.nbWeight(), config.nbAlpha());
        }
        if (config.lrC() > 0) {
            double weight = config.svmC() > 0 ? config.lrMix() : 1.0;
            add(combined, Linear.train(problem, new Parameter(SolverType.L2R_LR, config.lrC(), 0.01)),
                    labelCount, featureCount, weight);
        }
        return new LinearModel(labelCount, featureCount, combined);
    }

    /**
     * Multinomial naive Bayes on the TF-IDF values of the title and shared blocks: log P(term | label), centred per
     * term so that only the differences between labels remain, plus the log prior, all times {@code scale}. It is
     * linear in the same features, so it folds into the same weight matrix. The shared block brings what bodies
     * teach about a word to messages that have only a title; the body block is left to the SVM (the naive Bayes
     * there made complete messages worse in the cross-validation).
     */
    static void addNaiveBayes(float[] into, Feature[][] x, int[] y, int labelCount, String[] terms, double scale,
            double alpha) {
        int featureCount = terms.length;
        double[][] mass = new double[labelCount][featureCount + 1];
        double[] total = new double[labelCount];
        int[] docs = new int[labelCount];
        for (int i = 0; i < x.length; i++) {
            docs[y[i]]++;
            for (Feature f : x[i]) {
                mass[y[i]][f.getIndex()] += f.getValue();
                total[y[i]] += f.getValue();
            }
        }
        int stride = featureCount + 1;
        double[] logTheta = new double[labelCount];
        for (int col = 1; col <= featureCount; col++) {
            char block = terms[col - 1].charAt(0);
            if (block != TextFeatures.TITLE && block != TextFeatures.SHARED) {
                continue;
            }
            double mean = 0;
            for (int l = 0; l < labelCount; l++) {
                logTheta[l] = Math.log((mass[l][col] + alpha) / (total[l] + alpha * featureCount));
                mean += logTheta[l] / labelCount;
            }
            for (int l = 0; l < labelCount; l++) {
                into[l * stride + col] += (float) (scale * (logTheta[l] - mean));
            }
        }
        for (int l = 0; l < labelCount; l++) {
            if (docs[l] > 0) {
                into[l * stride] += (float) (scale * Math.log(docs[l] / (double) x.length));
            }
        }
    }

    private static Problem problem(Feature[][] x, int[] y, int featureCount) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = featureCount + 1;
        problem.bias = 1.0;
        problem.y = new double[x.length];
        problem.x = new Feature[x.length][];
        for (int i = 0; i < x.length; i++) {
            problem.y[i] = y[i];
            // liblinear expects the bias as an explicit last feature of every row
            Feature[] row = java.util.Arrays.copyOf(x[i], x[i].length + 1);
            row[x[i].length] = new FeatureNode(featureCount + 1, 1.0);
            problem.x[i] = row;
        }
        return problem;
    }

    /** Adds {@code scale ×} the liblinear weights, re-ordered from liblinear's label order to ours. */
    private static void add(float[] into, Model model, int labelCount, int featureCount, double scale) {
        double[] w = model.getFeatureWeights();
        int[] order = model.getLabels();
        int rows = w.length / (featureCount + 1);
        int stride = featureCount + 1;
        for (int r = 0; r < order.length; r++) {
            int label = order[r];
            // two classes: liblinear keeps one vector for its first label; the other label scores its negation
            int source = rows == 1 ? 0 : r;
            double sign = rows == 1 && r == 1 ? -1.0 : 1.0;
            for (int col = 1; col <= featureCount; col++) {
                into[label * stride + col] += (float) (scale * sign * w[(col - 1) * rows + source]);
            }
            into[label * stride] += (float) (scale * sign * w[featureCount * rows + source]);
        }
        // a label absent from this training set (a small fold) must never win; a large negative bias keeps it last
        boolean[] present = new boolean[labelCount];
        for (int label : order) {
            present[label] = true;
        }
        for (int label = 0; label < labelCount; label++) {
            if (!present[label]) {
                into[label * stride] = -100f;
            }
        }
    }
}
