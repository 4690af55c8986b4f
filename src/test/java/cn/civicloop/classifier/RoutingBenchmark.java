package cn.civicloop.classifier;

import cn.civicloop.classifier.model.AutoRoute;
import cn.civicloop.classifier.model.Calibration;
import cn.civicloop.classifier.model.Evaluation;
import cn.civicloop.classifier.model.FeatureConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the router on the shared TipDM 2020-C data (基准测试). Not a test: run it with
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.classifier.RoutingBenchmark</pre>
 * Prints 5-fold CV figures for complete messages and for titles alone, calibration, the auto-route trade-off,
 * training time on all rows, model size and single-thread latency. Argument {@code quick}: macro-F1 only,
 * without the inner calibration folds (for trying settings).
 */
public final class RoutingBenchmark {

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("quick");
        FeatureConfig config = BenchmarkReport.config(args);
        System.out.println("config " + config);
        List<RoutingExample> complete = SharedCorpus.completeMessages();
        List<RoutingExample> titles = SharedCorpus.titles();
        List<RoutingExample> details = SharedCorpus.details();

        List<RoutingExample> extra = new ArrayList<>(titles);
        extra.addAll(details);
        List<RoutingExample> titlePool = new ArrayList<>(titles);
        complete.forEach(m -> titlePool.add(new RoutingExample(m.title(), "", m.label())));
        List<RoutingExample> titleExtra = new ArrayList<>(complete);
        int seeds = Arrays.stream(args).filter(a -> a.startsWith("seeds=")).map(a -> Integer.parseInt(a.substring(6)))
                .findFirst().orElse(5);
        heldOut(Arrays.asList(args).contains("titles") ? List.of() : complete, extra, titlePool, titleExtra, config,
                seeds);
        if (Arrays.asList(args).contains("heldout")) {
            return;
        }
        if (Arrays.asList(args).contains("train")) {
            trainAndTime(complete, extra, config);
            return;
        }
        long start = System.nanoTime();
        boolean titlesOnly = Arrays.asList(args).contains("titles");
        CrossValidation.Result full = titlesOnly ? null : CrossValidation.run(complete, extra, config, 5, !quick);
        if (full != null) {
            BenchmarkReport.print("complete messages (title + detail), " + complete.size() + " messages", full, quick);
        }
        System.out.printf(Locale.ROOT, "  (%.0f s)%n", (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        if (Arrays.asList(args).contains("withDetails")) {
            titleExtra.addAll(details); // bodies of unknown messages: may include the body of a test title's message
        }
        CrossValidation.Result titleOnly = CrossValidation.run(titlePool, titleExtra, config, 5, !quick);
        BenchmarkReport.print("titles only, " + titlePool.size() + " titles", titleOnly, quick);
        System.out.printf(Locale.ROOT, "  (%.0f s)%n", (System.nanoTime() - start) / 1e9);
        if (quick) {
            return;
        }
        List<Calibration.Sample> both = new ArrayList<>(full.predictions());
        both.addAll(titleOnly.predictions());
        System.out.printf(Locale.ROOT, "threshold from CV for >= %.0f %% accuracy: complete %.2f, titles %.2f, "
                        + "pooled %.2f (default in RoutingTrainer: %.2f)%n",
                100 * RoutingTrainer.TARGET_AUTO_ROUTE_ACCURACY,
                AutoRoute.threshold(full.predictions(), RoutingTrainer.TARGET_AUTO_ROUTE_ACCURACY, 100, Double.NaN),
                AutoRoute.threshold(titleOnly.predictions(), RoutingTrainer.TARGET_AUTO_ROUTE_ACCURACY, 100, Double.NaN),
                AutoRoute.threshold(both, RoutingTrainer.TARGET_AUTO_ROUTE_ACCURACY, 100, Double.NaN),
                RoutingTrainer.DEFAULT_AUTO_ROUTE_THRESHOLD);

        trainAndTime(complete, extra, config);
    }

    /** Training time on every shared row, model size and single-thread latency (argument {@code train}: only these). */
    static void trainAndTime(List<RoutingExample> complete, List<RoutingExample> extra, FeatureConfig config)
            throws java.io.IOException {
        List<RoutingExample> everything = new ArrayList<>(complete);
        everything.addAll(extra);
        // CPU time of the whole process as well as wall time: on a loaded machine the wall time measures the others
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        RoutingModel model = new RoutingTrainer(config, java.time.Clock.systemUTC()).train(everything);
        System.out.printf(Locale.ROOT, "%ntraining on all %d rows: %.1f s wall, %.1f s CPU (incl. %d-fold "
                        + "calibration), %d features, out-of-fold macro-F1 %.3f, model threshold %.2f%n",
                everything.size(), (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, config.calibrationFolds(), model.info().vocabularySize(),
                model.info().outOfFoldMacroF1(), model.info().autoRouteThreshold());
        Path file = Files.createTempFile("routing", ".model");
        model.save(file);
        System.out.printf(Locale.ROOT, "model file: %.1f MB%n", Files.size(file) / 1e6);
        Files.delete(file);
        BenchmarkReport.latency(model, complete);
    }

    /**
     * The held-out split (留出集): for each seed, the stratified fifth of the pool that {@link
     * cn.civicloop.classifier.model.Folds} deals to fold 0 (duplicates kept together), trained on everything else.
     * Seed {@value #HELD_OUT_SEED} is the split the figures quote; the others show the spread across splits.
     */
    static void heldOut(List<RoutingExample> complete, List<RoutingExample> extra, List<RoutingExample> titlePool,
            List<RoutingExample> titleExtra, FeatureConfig config, int seeds) {
        long start = System.nanoTime();
        double[] full = new double[seeds];
        double[] title = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            long seed = HELD_OUT_SEED + i;
            full[i] = complete.isEmpty() ? 0 : macroF1(CrossValidation.heldOut(complete, extra, config, false, seed));
            title[i] = macroF1(CrossValidation.heldOut(titlePool, titleExtra, config, false, seed));
            System.out.printf(Locale.ROOT, "held-out split seed %d: complete %.4f, titles %.4f%n", seed, full[i],
                    title[i]);
        }
        System.out.printf(Locale.ROOT, "held-out over %d seeds: complete %.4f ± %.4f (min %.4f), titles %.4f ± %.4f "
                        + "(min %.4f)  (%.0f s)%n", seeds, mean(full), sd(full), Arrays.stream(full).min().orElse(0),
                mean(title), sd(title), Arrays.stream(title).min().orElse(0), (System.nanoTime() - start) / 1e9);
    }

    static final long HELD_OUT_SEED = 2026L;

    private static double macroF1(CrossValidation.Result r) {
        int[] truth = r.predictions().stream().mapToInt(Calibration.Sample::label).toArray();
        int[] top = r.predictions().stream().mapToInt(s -> AutoRoute.argmax(s.scores())).toArray();
        return Evaluation.of(truth, top, r.labels().size()).macroF1();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / Math.max(1, v.length - 1));
    }
}
