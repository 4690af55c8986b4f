package cn.civicloop.classifier.model;

import de.bwaldvogel.liblinear.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits a {@link Classifier} (训练): an inner cross-validation first yields honest out-of-fold scores for the
 * calibration and the auto-route threshold, then the final model is fitted on everything. Rows that share a title
 * or a body carry the same group and stay in one fold — otherwise a duplicate would make the scores look surer
 * than they are.
 */
public final class ClassifierFitter {

    private static final int MIN_SAMPLES_PER_SHAPE = 30;

    private ClassifierFitter() {
    }

    /** The fitted classifier and its calibrated out-of-fold predictions. */
    public record Fit(Classifier classifier, List<Calibration.Sample> outOfFold) {
    }

    public static Fit fit(List<TermIndex.Document> docs, int[] y, int[] groups, List<String> labels, TermIndex index,
            FeatureConfig config) {
        int folds = config.calibrationFolds();
        int[] fold = Folds.assign(y, groups, folds, 17L);
        List<List<Calibration.Sample>> perFold = IntStream.range(0, folds).parallel()
                .mapToObj(f -> outOfFold(docs, y, fold, f, labels.size(), index, config)).toList();
        List<Calibration.Sample> samples = new ArrayList<>();
        perFold.forEach(samples::addAll);
        Calibration calibration = Calibration.fit(samples, MIN_SAMPLES_PER_SHAPE);
        Classifier classifier = fitUncalibrated(docs, y, labels, index, config, calibration);
        List<Calibration.Sample> calibrated = samples.stream().map(s -> new Calibration.Sample(
                calibration.probabilities(s.scores(), s.shape()), s.label(), s.shape())).toList();
        return new Fit(classifier, calibrated);
    }

    /** Vocabulary and weights fitted on {@code docs}, with the given calibration attached. */
    public static Classifier fitUncalibrated(List<TermIndex.Document> docs, int[] y, List<String> labels,
            TermIndex index, FeatureConfig config, Calibration calibration) {
        Vocabulary.Fitted fitted = Vocabulary.fit(docs, index, config);
        Feature[][] x = docs.stream().map(fitted::vectorise).toArray(Feature[][]::new);
        LinearModel linear = LinearTrainer.train(x, y, labels.size(), fitted.vocabulary(), config);
        return new Classifier(config, List.copyOf(labels), fitted.vocabulary(), linear, calibration,
                neighbours(docs, y, fitted, config));
    }

    /** The training texts that vote, when the settings ask for votes. */
    static Neighbours neighbours(List<TermIndex.Document> docs, int[] y, Vocabulary.Fitted fitted,
            FeatureConfig config) {
        if (!config.votes()) {
            return Neighbours.none();
        }
        int[][] columns = new int[docs.size()][];
        int[][] counts = new int[docs.size()][];
        for (int i = 0; i < docs.size(); i++) {
            int[][] row = fitted.columns(docs.get(i));
            columns[i] = row[0];
            counts[i] = row[1];
        }
        return new Neighbours(y, columns, counts, fitted.vocabulary(), Neighbours.MOST_COMMON_SHARE);
    }

    private static List<Calibration.Sample> outOfFold(List<TermIndex.Document> docs, int[] y, int[] fold, int f,
            int labelCount, TermIndex index, FeatureConfig config) {
        List<TermIndex.Document> train = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (fold[i] != f) {
                train.add(docs.get(i));
                trainY.add(y[i]);
            }
        }
        Vocabulary.Fitted fitted = Vocabulary.fit(train, index, config);
        Feature[][] x = train.stream().map(fitted::vectorise).toArray(Feature[][]::new);
        int[] ty = trainY.stream().mapToInt(Integer::intValue).toArray();
        LinearModel linear = LinearTrainer.train(x, ty, labelCount, fitted.vocabulary(), config);
        // the calibration must see the scores the model will give, votes included
        Neighbours neighbours = neighbours(train, ty, fitted, config);
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (fold[i] == f) {
                samples.add(new Calibration.Sample(Classifier.scores(linear, neighbours, config,
                        fitted.vectorise(docs.get(i)), docs.get(i).shape()), y[i], docs.get(i).shape()));
            }
        }
        return samples;
    }
}
