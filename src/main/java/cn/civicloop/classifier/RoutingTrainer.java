package cn.civicloop.classifier;

import cn.civicloop.classifier.model.AutoRoute;
import cn.civicloop.classifier.model.Calibration;
import cn.civicloop.classifier.model.ClassifierFitter;
import cn.civicloop.classifier.model.DuplicateGroups;
import cn.civicloop.classifier.model.Evaluation;
import cn.civicloop.classifier.model.FeatureConfig;
import cn.civicloop.classifier.model.InputShape;
import cn.civicloop.classifier.model.TermIndex;
import cn.civicloop.classifier.model.TextFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;

/**
 * Trains routing models (模型训练) from CSV files or from examples in memory, e.g. cases whose category a person
 * confirmed. Training is deterministic for the same examples in the same order.
 */
public final class RoutingTrainer {

    /**
     * Auto-route threshold used when a training run cannot establish its own (too few examples, or the target
     * accuracy is out of reach). Chosen from the 5-fold cross-validation of the benchmark on the shared corpus.
     */
    public static final double DEFAULT_AUTO_ROUTE_THRESHOLD = 0.93;

    /** Messages routed without a person must be right at least this often (out of fold). */
    public static final double TARGET_AUTO_ROUTE_ACCURACY = 0.97;

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final FeatureConfig config;
    private final Clock clock;

    public RoutingTrainer() {
        this(FeatureConfig.defaults(), Clock.systemUTC());
    }

    RoutingTrainer(FeatureConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public RoutingModel train(Path... csvFiles) throws IOException {
        return train(TrainingFiles.read(List.of(csvFiles)));
    }

    public RoutingModel train(List<RoutingExample> examples) {
        List<String> labels = List.copyOf(new TreeSet<>(examples.stream().map(RoutingExample::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two labels, found " + labels);
        }
        if (examples.size() < 4 * config.calibrationFolds()) {
            throw new IllegalArgumentException("training needs at least " + 4 * config.calibrationFolds()
                    + " examples, found " + examples.size());
        }
        TermIndex index = new TermIndex();
        List<TermIndex.Document> docs = examples.parallelStream()
                .map(e -> index.document(TextFeatures.of(e.title(), e.detail(), config),
                        InputShape.of(e.title(), e.detail())))
                .toList();
        int[] y = examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        int[] groups = DuplicateGroups.of(examples.stream().map(RoutingExample::title).toList(),
                examples.stream().map(RoutingExample::detail).toList());
        ClassifierFitter.Fit fit = ClassifierFitter.fit(docs, y, groups, labels, index, config);
        List<Calibration.Sample> oof = fit.outOfFold();
        int[] truth = oof.stream().mapToInt(Calibration.Sample::label).toArray();
        int[] predicted = oof.stream().mapToInt(s -> AutoRoute.argmax(s.scores())).toArray();
        double macroF1 = Evaluation.of(truth, predicted, labels.size()).macroF1();
        // fewer than 200 held-out predictions cannot tell 97 % from 95 %: then the benchmarked default holds
        double threshold = oof.size() < 200 ? DEFAULT_AUTO_ROUTE_THRESHOLD
                : AutoRoute.threshold(oof, TARGET_AUTO_ROUTE_ACCURACY, 100, DEFAULT_AUTO_ROUTE_THRESHOLD);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ModelInfo info = new ModelInfo("routing-" + VERSION.format(now), now, examples.size(),
                fit.classifier().vocabulary().size(), macroF1, threshold);
        return new RoutingModel(info, fit.classifier());
    }
}
