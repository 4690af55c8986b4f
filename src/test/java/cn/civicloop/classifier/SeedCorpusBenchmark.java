package cn.civicloop.classifier;

import java.util.List;
import java.util.Locale;

/**
 * The fresh machine's model (首个模型) against real messages: trained on the seed corpus alone, as the application
 * does on an empty database, and scored on the shared TipDM 2020-C files (read in place). Not a test: run with
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.classifier.SeedCorpusBenchmark</pre>
 * (argument {@code generated}: the generator's current output instead of the shipped file; or a CSV file's path).
 */
public final class SeedCorpusBenchmark {

    private SeedCorpusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // no argument: the shipped corpus; "generated": the generator's current output; else a CSV file to compare
        List<RoutingExample> seed = args.length == 0 ? TestCorpus.all() : args[0].equals("generated")
                ? TrainingFiles.read(List.of(write(SeedCorpusGenerator.csv())))
                : TrainingFiles.read(List.of(java.nio.file.Path.of(args[0])));
        // process CPU time beside the wall time: on a shared machine the wall time measures the other processes
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        RoutingModel model = new RoutingTrainer().train(seed);
        System.out.printf(Locale.ROOT, "seed corpus: %d rows; training %.1f s wall, %.1f s CPU, %d features%n",
                seed.size(), (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9,
                model.info().vocabularySize());
        report(model, "complete messages", SharedCorpus.completeMessages());
        report(model, "titles", SharedCorpus.titles());
        report(model, "bodies", SharedCorpus.details());
    }

    private static void report(RoutingModel model, String what, List<RoutingExample> real) {
        List<String> labels = model.labels();
        int[] truth = real.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        int[] predicted = real.stream().mapToInt(e -> labels.indexOf(
                model.suggest(e.title(), e.detail()).ranked().get(0).label())).toArray();
        cn.civicloop.classifier.model.Evaluation ev = cn.civicloop.classifier.model.Evaluation.of(truth, predicted,
                labels.size());
        StringBuilder perClass = new StringBuilder();
        for (int l = 0; l < labels.size(); l++) {
            perClass.append(String.format(Locale.ROOT, " %s %.2f/%.2f", labels.get(l), ev.recall()[l], ev.f1()[l]));
        }
        System.out.printf(Locale.ROOT, "%s (%d): macro-F1 %.4f; recall/F1:%s%n", what, real.size(), ev.macroF1(),
                perClass);
        int[][] confusion = new int[labels.size()][labels.size()];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        for (int l = 0; l < labels.size(); l++) {
            System.out.println("  " + labels.get(l) + " -> " + java.util.Arrays.toString(confusion[l]));
        }
    }

    private static java.nio.file.Path write(String csv) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("seed-corpus", ".csv");
        file.toFile().deleteOnExit();
        java.nio.file.Files.writeString(file, csv);
        return file;
    }
}
