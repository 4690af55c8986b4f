package cn.civicloop.classifier;

import cn.civicloop.classifier.model.Calibration;
import cn.civicloop.classifier.model.Classifier;
import cn.civicloop.classifier.model.ClassifierFitter;
import cn.civicloop.classifier.model.DuplicateGroups;
import cn.civicloop.classifier.model.FeatureConfig;
import cn.civicloop.classifier.model.Folds;
import cn.civicloop.classifier.model.InputShape;
import cn.civicloop.classifier.model.TermIndex;
import cn.civicloop.classifier.model.TextFeatures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * k-fold cross-validation (交叉验证) over a pool of test examples, with extra rows used for training only. Folds keep
 * duplicates together, and an extra row whose title or body equals a test text of the fold is left out of that
 * fold's training — no test text is ever seen in training.
 */
final class CrossValidation {

    /** Held-out predictions in pool order: truth index and calibrated probabilities. */
    record Result(List<String> labels, List<Calibration.Sample> predictions) {
    }

    static Result run(List<RoutingExample> pool, List<RoutingExample> extra, FeatureConfig config, int k,
            boolean calibrate) {
        return run(pool, extra, config, k, calibrate, 42L, k);
    }

    /**
     * Held-out split (留出集): the stratified, duplicate-keeping fifth of the pool that {@code seed} deals to fold 0,
     * trained on everything else. Predictions cover the held-out rows only.
     */
    static Result heldOut(List<RoutingExample> pool, List<RoutingExample> extra, FeatureConfig config,
            boolean calibrate, long seed) {
        return run(pool, extra, config, 5, calibrate, seed, 1);
    }

    /**
     * Tokenised rows of one pool and its extra rows under one segmentation and n-gram setting: the held-out seeds
     * and the folds evaluate the same lists again, and segmenting them is most of a quick run's CPU.
     */
    private record Prepared(List<RoutingExample> pool, List<RoutingExample> extra, String features, TermIndex index,
            List<TermIndex.Document> docs) {

        boolean serves(List<RoutingExample> p, List<RoutingExample> e, String f) {
            return pool == p && extra == e && features.equals(f);
        }
    }

    private static final List<Prepared> PREPARED = new java.util.LinkedList<>();

    private static synchronized Prepared prepare(List<RoutingExample> pool, List<RoutingExample> extra,
            List<RoutingExample> all, FeatureConfig config) {
        String features = config.maxCharGram() + "/" + config.detailCharGram() + "/" + config.words() + "/"
                + (config.sharedWeight() > 0) + "/" + config.routingTerms();
        for (Prepared p : PREPARED) {
            if (p.serves(pool, extra, features)) {
                return p;
            }
        }
        TermIndex index = new TermIndex();
        List<TermIndex.Document> docs = all.parallelStream().map(e -> index.document(
                TextFeatures.of(e.title(), e.detail(), config), InputShape.of(e.title(), e.detail()))).toList();
        Prepared prepared = new Prepared(pool, extra, features, index, docs);
        PREPARED.add(0, prepared);
        if (PREPARED.size() > 2) {
            PREPARED.remove(2);
        }
        return prepared;
    }

    /** Evaluates the first {@code evaluated} of {@code k} folds dealt with {@code seed}. */
    static Result run(List<RoutingExample> pool, List<RoutingExample> extra, FeatureConfig config, int k,
            boolean calibrate, long seed, int evaluated) {
        List<RoutingExample> all = new ArrayList<>(pool);
        all.addAll(extra);
        List<String> labels = List.copyOf(new TreeSet<>(all.stream().map(RoutingExample::label).toList()));
        Prepared prepared = prepare(pool, extra, all, config);
        int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        int[] groupsAll = DuplicateGroups.of(all.stream().map(RoutingExample::title).toList(),
                all.stream().map(RoutingExample::detail).toList());
        int[] poolY = java.util.Arrays.copyOf(y, pool.size());
        int[] poolGroups = DuplicateGroups.of(pool.stream().map(RoutingExample::title).toList(),
                pool.stream().map(RoutingExample::detail).toList());
        int[] fold = Folds.assign(poolY, poolGroups, k, seed);
        Calibration.Sample[] out = new Calibration.Sample[pool.size()];
        for (int f = 0; f < evaluated; f++) {
            Set<String> testTexts = new HashSet<>();
            for (int i = 0; i < pool.size(); i++) {
                if (fold[i] == f) {
                    testTexts.add("t" + norm(pool.get(i).title()));
                    testTexts.add("d" + norm(pool.get(i).detail()));
                }
            }
            List<Integer> trainRows = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                boolean inTest = i < pool.size() ? fold[i] == f
                        : testTexts.contains("t" + norm(all.get(i).title()))
                                || testTexts.contains("d" + norm(all.get(i).detail()));
                if (!inTest) {
                    trainRows.add(i);
                }
            }
            int[] ty = trainRows.stream().mapToInt(i -> y[i]).toArray();
            int[] tg = trainRows.stream().mapToInt(i -> groupsAll[i]).toArray();
            List<TermIndex.Document> train = trainRows.stream().map(prepared.docs()::get).toList();
            Classifier classifier = calibrate
                    ? ClassifierFitter.fit(train, ty, tg, labels, prepared.index(), config).classifier()
                    : ClassifierFitter.fitUncalibrated(train, ty, labels, prepared.index(), config,
                            new Calibration(java.util.Map.of()));
            for (int i = 0; i < pool.size(); i++) {
                if (fold[i] == f) {
                    RoutingExample e = pool.get(i);
                    out[i] = new Calibration.Sample(classifier.probabilities(e.title(), e.detail()), y[i],
                            InputShape.of(e.title(), e.detail()));
                }
            }
        }
        return new Result(labels, java.util.Arrays.stream(out).filter(java.util.Objects::nonNull).toList());
    }

    private static String norm(String text) {
        return text.isBlank() ? "\u0000" : text.strip();
    }
}
