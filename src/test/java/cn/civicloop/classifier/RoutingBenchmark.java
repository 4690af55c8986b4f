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

        long start = System.nanoTime();
        List<RoutingExample> extra = new ArrayList<>(titles);
        extra.addAll(details);
        boolean titlesOnly = Arrays.asList(args).contains("titles");
        CrossValidation.Result full = titlesOnly ? null : CrossValidation.run(complete, extra, config, 5, !quick);
        if (full != null) {
            BenchmarkReport.print("complete messages (title + detail), " + complete.size() + " messages", full, quick);
        }
        System.out.printf(Locale.ROOT, "  (%.0f s)%n", (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        List<RoutingExample> titlePool = new ArrayList<>(titles);
        complete.forEach(m -> titlePool.add(new RoutingExample(m.title(), "", m.label())));
        List<RoutingExample> titleExtra = new ArrayList<>(complete);
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

        List<RoutingExample> everything = new ArrayList<>(complete);
        everything.addAll(extra);
        start = System.nanoTime();
        RoutingModel model = new RoutingTrainer(config, java.time.Clock.systemUTC()).train(everything);
        System.out.printf(Locale.ROOT, "%ntraining on all %d rows: %.1f s (incl. %d-fold calibration), %d features, "
                        + "out-of-fold macro-F1 %.3f, model threshold %.2f%n", everything.size(),
                (System.nanoTime() - start) / 1e9, config.calibrationFolds(), model.info().vocabularySize(),
                model.info().outOfFoldMacroF1(), model.info().autoRouteThreshold());
        Path file = Files.createTempFile("routing", ".model");
        model.save(file);
        System.out.printf(Locale.ROOT, "model file: %.1f MB%n", Files.size(file) / 1e6);
        Files.delete(file);
        BenchmarkReport.latency(model, complete);
    }
}
