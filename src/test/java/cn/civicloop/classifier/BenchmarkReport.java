package cn.civicloop.classifier;

import cn.civicloop.classifier.model.AutoRoute;
import cn.civicloop.classifier.model.Calibration;
import cn.civicloop.classifier.model.Evaluation;
import cn.civicloop.classifier.model.FeatureConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Formats the benchmark figures (基准报告): quality per class, top-2, calibration, auto-route, latency. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** Defaults, overridable by {@code key=value} arguments for trying settings. */
    static FeatureConfig config(String[] args) {
        FeatureConfig d = FeatureConfig.defaults();
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.contains("=")) {
                o.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return new FeatureConfig(Integer.parseInt(o.getOrDefault("gram", "" + d.maxCharGram())),
                Boolean.parseBoolean(o.getOrDefault("words", "" + d.words())),
                Integer.parseInt(o.getOrDefault("minDf", "" + d.minDf())),
                Float.parseFloat(o.getOrDefault("tw", "" + d.titleWeight())),
                Float.parseFloat(o.getOrDefault("dw", "" + d.detailWeight())),
                Float.parseFloat(o.getOrDefault("sw", "" + d.sharedWeight())),
                Double.parseDouble(o.getOrDefault("svmC", "" + d.svmC())),
                Double.parseDouble(o.getOrDefault("lrC", "" + d.lrC())),
                Double.parseDouble(o.getOrDefault("mix", "" + d.lrMix())),
                Integer.parseInt(o.getOrDefault("folds", "" + d.calibrationFolds())),
                Double.parseDouble(o.getOrDefault("nb", "" + d.nbWeight())),
                Double.parseDouble(o.getOrDefault("nbAlpha", "" + d.nbAlpha())),
                Integer.parseInt(o.getOrDefault("dgram", o.getOrDefault("gram", "" + d.detailCharGram()))),
                Boolean.parseBoolean(o.getOrDefault("terms", "" + d.routingTerms())),
                Integer.parseInt(o.getOrDefault("neighbours", "" + d.neighbours())),
                Double.parseDouble(o.getOrDefault("neighbourWeight", "" + d.neighbourWeight())));
    }

    static void print(String title, CrossValidation.Result r, boolean quick) {
        List<Calibration.Sample> p = r.predictions();
        int[] truth = p.stream().mapToInt(Calibration.Sample::label).toArray();
        int[] top = p.stream().mapToInt(s -> AutoRoute.argmax(s.scores())).toArray();
        Evaluation e = Evaluation.of(truth, top, r.labels().size());
        System.out.printf(Locale.ROOT, "%n== %s, 5-fold CV ==%nmacro-F1 %.4f  accuracy %.4f  top-2 %.4f%n", title,
                e.macroF1(), e.accuracy(), p.stream().filter(s -> inTop2(s)).count() / (double) p.size());
        StringBuilder recall = new StringBuilder("recall:");
        for (int l = 0; l < r.labels().size(); l++) {
            recall.append(String.format(Locale.ROOT, " %s %.3f", r.labels().get(l), e.recall()[l]));
        }
        System.out.println(recall);
        if (quick) {
            return;
        }
        System.out.printf(Locale.ROOT, "ECE (10 bins, top label) %.4f%n", ece(p));
        for (double t : new double[] {0.5, 0.7, 0.8, 0.9, RoutingTrainer.DEFAULT_AUTO_ROUTE_THRESHOLD}) {
            long routed = p.stream().filter(s -> max(s) >= t).count();
            long right = p.stream().filter(s -> max(s) >= t && AutoRoute.argmax(s.scores()) == s.label()).count();
            System.out.printf(Locale.ROOT, "auto-route p >= %.2f: %.1f %% routed, %.2f %% of them right%n", t,
                    100.0 * routed / p.size(), 100.0 * right / Math.max(1, routed));
        }
    }

    static void latency(RoutingModel model, List<RoutingExample> messages) {
        for (int i = 0; i < 2; i++) {
            messages.forEach(m -> model.suggest(m.title(), m.detail())); // warm-up: JIT and HanLP dictionaries
        }
        // the thread's CPU time as well: on a shared machine the wall time mostly measures the waits for a core
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[messages.size()];
        long[] cpu = new long[messages.size()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            model.suggest(messages.get(i).title(), messages.get(i).detail());
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "latency per complete message, single thread: median %.2f ms, p99 %.2f ms; "
                        + "CPU median %.2f ms, p99 %.2f ms%n", nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6, cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.99)] / 1e6);
    }

    /** Expected calibration error: |accuracy − mean confidence| per confidence bin, weighted by bin size. */
    static double ece(List<Calibration.Sample> p) {
        double[] conf = new double[10];
        double[] right = new double[10];
        int[] n = new int[10];
        for (Calibration.Sample s : p) {
            int bin = Math.min(9, (int) (max(s) * 10));
            conf[bin] += max(s);
            right[bin] += AutoRoute.argmax(s.scores()) == s.label() ? 1 : 0;
            n[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            ece += n[b] == 0 ? 0 : Math.abs(right[b] - conf[b]) / p.size();
        }
        return ece;
    }

    private static double max(Calibration.Sample s) {
        return Arrays.stream(s.scores()).max().orElse(0);
    }

    private static boolean inTop2(Calibration.Sample s) {
        double[] v = s.scores();
        int above = 0;
        for (double x : v) {
            above += x > v[s.label()] ? 1 : 0;
        }
        return above < 2;
    }
}
