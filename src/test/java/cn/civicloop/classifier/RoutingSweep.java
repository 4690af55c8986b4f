package cn.civicloop.classifier;

import cn.civicloop.classifier.model.AutoRoute;
import cn.civicloop.classifier.model.DuplicateGroups;
import cn.civicloop.classifier.model.Evaluation;
import cn.civicloop.classifier.model.FeatureConfig;
import cn.civicloop.classifier.model.Folds;
import cn.civicloop.classifier.model.InputShape;
import cn.civicloop.classifier.model.LinearModel;
import cn.civicloop.classifier.model.LinearTrainer;
import cn.civicloop.classifier.model.TermIndex;
import cn.civicloop.classifier.model.TextFeatures;
import cn.civicloop.classifier.model.TitleBigrams;
import cn.civicloop.classifier.model.Vocabulary;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Tries several trainer settings side by side on the splits of {@link RoutingBenchmark} (the held-out split per
 * seed and the 5-fold CV, macro-F1 of the argmax), tokenising the shared messages once per view and fitting the
 * settings in parallel. Not a test: run it with
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.classifier.RoutingSweep seeds=3 cv=true base: aug:aug=both</pre>
 * Options: {@code seeds=N} held-out seeds (default 3), {@code cv=true} the 5-fold CV too, {@code views=complete,titles},
 * {@code threads=N} (default 2). Each other argument {@code name:key=value,...} is one setting, with the keys of
 * {@code RoutingBenchmark} plus {@code solver} (l2 the default SVM, l1 the L1-loss SVM, cs the Crammer–Singer
 * multi-class SVM), {@code aug} (none, both, title, body: each complete training message also as a title-only
 * and/or body-only row), {@code bias} (none, shape, all: label offsets chosen for macro-F1 on an inner 3-fold CV of
 * the training part, on rows of the tested shape or on all) and {@code ft} (none, only, cv, or a weight: a
 * fastText-like member alone, or its log-probabilities added to the SVM scores with a weight chosen by the inner CV
 * or given), {@code knn} (sizes separated by {@code /}, e.g. {@code knn=5/10/20}) with {@code knnw} (weights, e.g.
 * {@code knnw=0.4/0.8}), {@code knnq} (the query's heaviest terms kept; 0 all) and {@code knnm} (the columns
 * searched, e.g. {@code knnm=all/d/s/df0.1}: all, blocks by letter, or those in at most that share of the training
 * rows; {@link #columns}): the votes of the nearest training
 * texts added to the SVM scores, one result per mode, size and weight beside the SVM alone from the same fit, and
 * the time of each text's vote per mode. Settings that change the tokenising
 * (gram, dgram, words, terms, and the option {@code titleBigrams=true}: HanLP word bigrams in the title block) must
 * be run one per call.
 */
public final class RoutingSweep {

    record Variant(String name, FeatureConfig config, SolverType solver, String aug, String bias, String ft,
            int[] knn, double[] knnWeights, int knnTerms, String[] knnModes) {

        /** The results one fit of this setting yields: "" alone, or one per kNN size and weight (weight 0 first). */
        List<String> results() {
            List<String> names = new ArrayList<>();
            names.add("");
            for (String mode : knnModes) {
                for (int k : knn) {
                    for (double w : knnWeights) {
                        names.add(String.format(Locale.ROOT, "/%sk%d×%.2f", mode.equals("all") ? "" : mode + ":",
                                k, w));
                    }
                }
            }
            return names;
        }
    }

    record View(String name, List<RoutingExample> pool, List<RoutingExample> extra, List<RoutingExample> all,
            TermIndex index, List<TermIndex.Document> docs, Map<Integer, TermIndex.Document> titleOf,
            Map<Integer, TermIndex.Document> bodyOf, int[] y, int[] groups, int[] poolY, int[] poolGroups,
            List<String> labels) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        List<Variant> variants = new ArrayList<>();
        for (String arg : args) {
            if (arg.contains(":")) {
                String name = arg.substring(0, arg.indexOf(':'));
                String rest = arg.substring(arg.indexOf(':') + 1);
                Map<String, String> kv = new HashMap<>();
                for (String p : rest.split(",")) {
                    if (p.contains("=")) {
                        kv.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
                    }
                }
                String[] cfgArgs = kv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
                SolverType solver = switch (kv.getOrDefault("solver", "l2")) {
                    case "l1" -> SolverType.L2R_L1LOSS_SVC_DUAL;
                    case "cs" -> SolverType.MCSVM_CS;
                    default -> SolverType.L2R_L2LOSS_SVC_DUAL;
                };
                variants.add(new Variant(name, BenchmarkReport.config(cfgArgs), solver,
                        kv.getOrDefault("aug", "none"), kv.getOrDefault("bias", "none"),
                        kv.getOrDefault("ft", "none"), ints(kv.getOrDefault("knn", "")),
                        doubles(kv.getOrDefault("knnw", "")), Integer.parseInt(kv.getOrDefault("knnq", "0")),
                        kv.getOrDefault("knnm", "all").split("/")));
            } else if (arg.contains("=")) {
                opt.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (variants.isEmpty()) {
            variants.add(new Variant("base", FeatureConfig.defaults(), SolverType.L2R_L2LOSS_SVC_DUAL, "none", "none",
                    "none", new int[0], new double[0], 0, new String[] {"all"}));
        }
        int seeds = Integer.parseInt(opt.getOrDefault("seeds", "3"));
        boolean cv = Boolean.parseBoolean(opt.getOrDefault("cv", "false"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        List<String> viewNames = List.of(opt.getOrDefault("views", "complete,titles").split(","));
        variants.forEach(v -> System.out.println("variant " + v));
        long t0 = System.nanoTime();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ForkJoinPool pool = new ForkJoinPool(threads);

        List<RoutingExample> complete = SharedCorpus.completeMessages();
        List<RoutingExample> titles = SharedCorpus.titles();
        List<RoutingExample> details = SharedCorpus.details();
        for (String viewName : viewNames) {
            List<RoutingExample> p;
            List<RoutingExample> e;
            if (viewName.equals("complete")) {
                p = complete;
                e = new ArrayList<>(titles);
                e.addAll(details);
            } else {
                p = new ArrayList<>(titles);
                complete.forEach(m -> p.add(new RoutingExample(m.title(), "", m.label())));
                e = new ArrayList<>(complete);
            }
            boolean titleBigrams = Boolean.parseBoolean(opt.getOrDefault("titleBigrams", "false"));
            View view = pool.submit(() -> prepare(viewName, p, e, variants.get(0).config(), titleBigrams)).get();
            System.out.printf(Locale.ROOT, "%s: %d pool, %d extra, %d terms (%.0f s, %.0f s CPU)%n", viewName,
                    p.size(), e.size(), view.index().size(), (System.nanoTime() - t0) / 1e9,
                    os.getProcessCpuTime() / 1e9);
            // split id: seeds 0..n-1 are held-out seeds (fold 0 of seed 2026+i), n..n+4 the CV folds (seed 42)
            List<int[]> tasks = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                for (int v = 0; v < variants.size(); v++) {
                    tasks.add(new int[] {s, v});
                }
            }
            if (cv) {
                for (int f = 0; f < 5; f++) {
                    for (int v = 0; v < variants.size(); v++) {
                        tasks.add(new int[] {seeds + f, v});
                    }
                }
            }
            Map<String, int[]> predicted = new ConcurrentHashMap<>();
            pool.submit(() -> tasks.parallelStream().forEach(t -> {
                int split = t[0];
                long seed = split < seeds ? RoutingBenchmark.HELD_OUT_SEED + split : 42L;
                int fold = split < seeds ? 0 : split - seeds;
                Map<String, int[]> out = run(view, variants.get(t[1]), seed, fold);
                out.forEach((result, labels) -> predicted.put(split + "/" + t[1] + result, labels));
                System.out.printf(Locale.ROOT, "  done %s split %d variant %s (%.0f s, %.0f s CPU)%n", viewName,
                        split, variants.get(t[1]).name(), (System.nanoTime() - t0) / 1e9,
                        os.getProcessCpuTime() / 1e9);
            })).get();
            for (int v = 0; v < variants.size(); v++) {
              for (String result : variants.get(v).results()) {
                double[] f1 = new double[seeds];
                StringBuilder line = new StringBuilder();
                for (int s = 0; s < seeds; s++) {
                    f1[s] = macroF1(view, predicted.get(s + "/" + v + result), RoutingBenchmark.HELD_OUT_SEED + s);
                    line.append(String.format(Locale.ROOT, " %.4f", f1[s]));
                }
                double mean = Arrays.stream(f1).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(f1).map(x -> (x - mean) * (x - mean)).sum()
                        / Math.max(1, seeds - 1));
                String cvText = "";
                if (cv) {
                    int[] all = new int[view.pool().size()];
                    int[] fold = Folds.assign(view.poolY(), view.poolGroups(), 5, 42L);
                    int[] next = new int[5];
                    List<int[]> perFold = new ArrayList<>();
                    for (int f = 0; f < 5; f++) {
                        perFold.add(predicted.get((seeds + f) + "/" + v + result));
                    }
                    for (int i = 0; i < all.length; i++) {
                        all[i] = perFold.get(fold[i])[next[fold[i]]++];
                    }
                    Evaluation ev = Evaluation.of(view.poolY(), all, view.labels().size());
                    StringBuilder recall = new StringBuilder();
                    for (int l = 0; l < view.labels().size(); l++) {
                        recall.append(String.format(Locale.ROOT, " %s %.3f", view.labels().get(l), ev.recall()[l]));
                    }
                    cvText = String.format(Locale.ROOT, "  5-fold %.4f (acc %.4f; recall%s)", ev.macroF1(),
                            ev.accuracy(), recall);
                }
                System.out.printf(Locale.ROOT, "RESULT %s %-12s held-out%s  mean %.4f ± %.4f%s%n", viewName,
                        variants.get(v).name() + result, line, mean, sd, cvText);
              }
            }
        }
        VOTE_NANOS.forEach((mode, times) -> {
            long[] nanos = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "kNN vote per text, mode %s (wall, %d texts): median %.3f ms, p99 %.3f ms%n",
                    mode, nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
        });
        System.out.printf(Locale.ROOT, "total %.0f s wall, %.0f s CPU%n", (System.nanoTime() - t0) / 1e9,
                os.getProcessCpuTime() / 1e9);
        pool.shutdown();
    }

    static View prepare(String name, List<RoutingExample> pool, List<RoutingExample> extra, FeatureConfig config,
            boolean titleBigrams) {
        List<RoutingExample> all = new ArrayList<>(pool);
        all.addAll(extra);
        List<String> labels = List.copyOf(new TreeSet<>(all.stream().map(RoutingExample::label).toList()));
        TermIndex index = new TermIndex();
        List<TermIndex.Document> docs = all.parallelStream().map(e -> index.document(
                terms(e.title(), e.detail(), config, titleBigrams), InputShape.of(e.title(), e.detail()))).toList();
        Map<Integer, TermIndex.Document> titleOf = new ConcurrentHashMap<>();
        Map<Integer, TermIndex.Document> bodyOf = new ConcurrentHashMap<>();
        java.util.stream.IntStream.range(0, all.size()).parallel().forEach(i -> {
            RoutingExample e = all.get(i);
            if (!e.title().isBlank() && !e.detail().isBlank()) {
                titleOf.put(i, index.document(terms(e.title(), "", config, titleBigrams), InputShape.TITLE));
                bodyOf.put(i, index.document(TextFeatures.of("", e.detail(), config), InputShape.DETAIL));
            }
        });
        int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        int[] groups = DuplicateGroups.of(all.stream().map(RoutingExample::title).toList(),
                all.stream().map(RoutingExample::detail).toList());
        int[] poolY = Arrays.copyOf(y, pool.size());
        int[] poolGroups = DuplicateGroups.of(pool.stream().map(RoutingExample::title).toList(),
                pool.stream().map(RoutingExample::detail).toList());
        return new View(name, pool, extra, all, index, docs, titleOf, bodyOf, y, groups, poolY, poolGroups, labels);
    }

    /** The trainer's terms of a text, with the title's word bigrams if asked for. */
    private static Map<String, Integer> terms(String title, String detail, FeatureConfig config, boolean titleBigrams) {
        Map<String, Integer> counts = TextFeatures.of(title, detail, config);
        return titleBigrams ? TitleBigrams.add(counts, title, config) : counts;
    }

    /**
     * Predicted label per test row of fold {@code f} of the split dealt with {@code seed}, in pool order, per result
     * of the variant ({@link Variant#results()}).
     */
    static Map<String, int[]> run(View view, Variant variant, long seed, int f) {
        List<RoutingExample> pool = view.pool();
        List<RoutingExample> all = view.all();
        int[] fold = Folds.assign(view.poolY(), view.poolGroups(), 5, seed);
        Set<String> testTexts = new HashSet<>();
        List<Integer> testRows = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (fold[i] == f) {
                testRows.add(i);
                testTexts.add("t" + norm(pool.get(i).title()));
                testTexts.add("d" + norm(pool.get(i).detail()));
            }
        }
        List<TermIndex.Document> train = new ArrayList<>();
        List<Integer> ty = new ArrayList<>();
        List<Integer> tg = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean inTest = i < pool.size() ? fold[i] == f
                    : testTexts.contains("t" + norm(all.get(i).title()))
                            || testTexts.contains("d" + norm(all.get(i).detail()));
            if (inTest) {
                continue;
            }
            train.add(view.docs().get(i));
            ty.add(view.y()[i]);
            tg.add(view.groups()[i]);
            if (view.titleOf().containsKey(i) && (variant.aug().equals("both") || variant.aug().equals("title"))) {
                train.add(view.titleOf().get(i));
                ty.add(view.y()[i]);
                tg.add(view.groups()[i]);
            }
            if (view.bodyOf().containsKey(i) && (variant.aug().equals("both") || variant.aug().equals("body"))) {
                train.add(view.bodyOf().get(i));
                ty.add(view.y()[i]);
                tg.add(view.groups()[i]);
            }
        }
        int[] y = ty.stream().mapToInt(Integer::intValue).toArray();
        int k = view.labels().size();
        Vocabulary.Fitted fitted = Vocabulary.fit(train, view.index(), variant.config());
        Feature[][] x = train.stream().map(fitted::vectorise).toArray(Feature[][]::new);
        LinearModel model = LinearTrainer.train(x, y, k, fitted.vocabulary(), variant.config(), variant.solver());
        double[] offsets = new double[k];
        if (!variant.bias().equals("none")) {
            offsets = offsets(train, y, tg.stream().mapToInt(Integer::intValue).toArray(), view, variant,
                    view.name().equals("complete") ? InputShape.BOTH : InputShape.TITLE);
        }
        FastText ft = null;
        double ftWeight = 0;
        if (!variant.ft().equals("none")) {
            ft = FastText.train(x, y, k, fitted.vocabulary().size(), 17L);
            InputShape shape = view.name().equals("complete") ? InputShape.BOTH : InputShape.TITLE;
            ftWeight = switch (variant.ft()) {
                case "only" -> 1;
                case "cv" -> ftWeight(train, y, tg.stream().mapToInt(Integer::intValue).toArray(), view, variant,
                        shape);
                default -> Double.parseDouble(variant.ft());
            };
            System.out.printf(Locale.ROOT, "    fastText weight %.2f%n", ftWeight);
        }
        List<Neighbours> neighbours = new ArrayList<>();
        if (variant.knn().length > 0) {
            char[] blocks = cn.civicloop.classifier.model.VocabularyBlocks.of(fitted.vocabulary());
            for (String mode : variant.knnModes()) {
                boolean[] keep = columns(mode, x, blocks);
                Feature[][] kept = Arrays.stream(x).map(row -> Neighbours.only(row, keep)).toArray(Feature[][]::new);
                neighbours.add(new Neighbours(kept, y, fitted.vocabulary().size(), k, keep, mode));
            }
        }
        List<String> results = variant.results();
        Map<String, int[]> outs = new java.util.LinkedHashMap<>();
        results.forEach(r -> outs.put(r, new int[testRows.size()]));
        int[] out = outs.get("");
        for (int j = 0; j < out.length; j++) {
            Feature[] tx = fitted.vectorise(view.docs().get(testRows.get(j)));
            double[] s = variant.ft().equals("only") ? new double[k] : model.scores(tx);
            if (ft != null) {
                double[] lp = ft.logProbabilities(tx);
                for (int l = 0; l < k; l++) {
                    s[l] += ftWeight * lp[l];
                }
            }
            for (int l = 0; l < k; l++) {
                s[l] += offsets[l];
            }
            out[j] = AutoRoute.argmax(s);
            int r = 1;
            for (Neighbours n : neighbours) {
                long start = System.nanoTime();
                double[][] votes = n.votes(Neighbours.only(tx, n.keep), variant.knn(), variant.knnTerms());
                VOTE_NANOS.computeIfAbsent(n.mode, m -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                        .add(System.nanoTime() - start);
                for (double[] vote : votes) {
                    for (double w : variant.knnWeights()) {
                        double[] blended = s.clone();
                        for (int l = 0; l < k; l++) {
                            blended[l] += w * vote[l];
                        }
                        outs.get(results.get(r++))[j] = AutoRoute.argmax(blended);
                    }
                }
            }
        }
        return outs;
    }

    /** Time of each test row's kNN vote (all sizes at once), for the latency it adds to a classification. */
    static final Map<String, java.util.Queue<Long>> VOTE_NANOS = new ConcurrentHashMap<>();

    /**
     * The columns a kNN mode searches: {@code all}; block letters ({@code d} the body, {@code s} shared, {@code t}
     * the title, e.g. {@code ds}); or {@code df0.1}, the columns found in at most that share of the training rows.
     */
    static boolean[] columns(String mode, Feature[][] x, char[] blocks) {
        boolean[] keep = new boolean[blocks.length];
        if (mode.startsWith("df")) {
            int[] df = new int[blocks.length];
            for (Feature[] row : x) {
                for (Feature f : row) {
                    df[f.getIndex()]++;
                }
            }
            double most = Double.parseDouble(mode.substring(2)) * x.length;
            for (int c = 1; c < keep.length; c++) {
                keep[c] = df[c] <= most;
            }
        } else {
            for (int c = 1; c < keep.length; c++) {
                keep[c] = mode.equals("all") || mode.indexOf(blocks[c]) >= 0;
            }
        }
        return keep;
    }

    /**
     * Nearest-neighbour votes: cosine similarity of a text's TF-IDF vector (L2-normalised as a whole) to every
     * training row through an inverted index over the columns; the top k rows vote for their labels with their
     * similarity, the votes divided by the k similarities' sum (so they lie in 0–1).
     */
    static final class Neighbours {
        final int[][] rows;
        final float[][] values;
        final int[] y;
        final int labels;

        final boolean[] keep;
        final String mode;

        Neighbours(Feature[][] x, int[] y, int features, int labels, boolean[] keep, String mode) {
            this.keep = keep;
            this.mode = mode;
            this.y = y;
            this.labels = labels;
            int[] count = new int[features + 1];
            for (Feature[] row : x) {
                for (Feature f : row) {
                    count[f.getIndex()]++;
                }
            }
            rows = new int[features + 1][];
            values = new float[features + 1][];
            for (int c = 0; c <= features; c++) {
                rows[c] = new int[count[c]];
                values[c] = new float[count[c]];
            }
            int[] fill = new int[features + 1];
            for (int i = 0; i < x.length; i++) {
                double norm = norm(x[i]);
                for (Feature f : x[i]) {
                    int c = f.getIndex();
                    rows[c][fill[c]] = i;
                    values[c][fill[c]++] = (float) (f.getValue() / norm);
                }
            }
        }

        static Feature[] only(Feature[] x, boolean[] keep) {
            return Arrays.stream(x).filter(f -> f.getIndex() < keep.length && keep[f.getIndex()])
                    .toArray(Feature[]::new);
        }

        static double norm(Feature[] x) {
            double sum = 0;
            for (Feature f : x) {
                sum += f.getValue() * f.getValue();
            }
            return sum > 0 ? Math.sqrt(sum) : 1;
        }

        /** Votes per size in {@code ks}; {@code topTerms} > 0 keeps only the query's heaviest terms. */
        double[][] votes(Feature[] q, int[] ks, int topTerms) {
            Feature[] query = q;
            if (topTerms > 0 && q.length > topTerms) {
                query = Arrays.copyOf(q, q.length);
                Arrays.sort(query, (a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())));
                query = Arrays.copyOf(query, topTerms);
            }
            double norm = norm(query);
            float[] sim = new float[y.length];
            int[] touched = new int[y.length];
            int n = 0;
            for (Feature f : query) {
                int c = f.getIndex();
                if (c >= rows.length) {
                    continue;
                }
                float v = (float) (f.getValue() / norm);
                int[] r = rows[c];
                float[] w = values[c];
                for (int p = 0; p < r.length; p++) {
                    if (sim[r[p]] == 0) {
                        touched[n++] = r[p];
                    }
                    sim[r[p]] += v * w[p];
                }
            }
            int kMax = Arrays.stream(ks).max().orElse(0);
            // the kMax most similar rows, by selection over the touched ones (kMax is small)
            int[] top = new int[Math.min(kMax, n)];
            int size = 0;
            for (int t = 0; t < n; t++) {
                int row = touched[t];
                if (size < top.length) {
                    top[size++] = row;
                } else if (sim[row] > sim[top[size - 1]]) {
                    top[size - 1] = row;
                } else {
                    continue;
                }
                for (int i = size - 1; i > 0 && sim[top[i]] > sim[top[i - 1]]; i--) {
                    int tmp = top[i];
                    top[i] = top[i - 1];
                    top[i - 1] = tmp;
                }
            }
            double[][] votes = new double[ks.length][labels];
            for (int s = 0; s < ks.length; s++) {
                double total = 0;
                for (int i = 0; i < Math.min(ks[s], size); i++) {
                    votes[s][y[top[i]]] += sim[top[i]];
                    total += sim[top[i]];
                }
                if (total > 0) {
                    for (int l = 0; l < labels; l++) {
                        votes[s][l] /= total;
                    }
                }
            }
            return votes;
        }
    }

    private static int[] ints(String list) {
        return list.isBlank() ? new int[0] : Arrays.stream(list.split("/")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] doubles(String list) {
        return list.isBlank() ? new double[0]
                : Arrays.stream(list.split("/")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Label offsets maximising the macro-F1 of out-of-fold scores (inner 3-fold CV) of the wanted shape. */
    static double[] offsets(List<TermIndex.Document> train, int[] y, int[] groups, View view, Variant variant,
            InputShape shape) {
        int k = view.labels().size();
        int[] inner = Folds.assign(y, groups, 3, 17L);
        List<double[]> scores = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            List<TermIndex.Document> fit = new ArrayList<>();
            List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (inner[i] != f) {
                    fit.add(train.get(i));
                    fy.add(y[i]);
                }
            }
            Vocabulary.Fitted fitted = Vocabulary.fit(fit, view.index(), variant.config());
            Feature[][] x = fit.stream().map(fitted::vectorise).toArray(Feature[][]::new);
            LinearModel model = LinearTrainer.train(x, fy.stream().mapToInt(Integer::intValue).toArray(), k,
                    fitted.vocabulary(), variant.config(), variant.solver());
            for (int i = 0; i < train.size(); i++) {
                if (inner[i] == f && (variant.bias().equals("all") || train.get(i).shape() == shape)) {
                    scores.add(model.scores(fitted.vectorise(train.get(i))));
                    truth.add(y[i]);
                }
            }
        }
        int[] t = truth.stream().mapToInt(Integer::intValue).toArray();
        double[] off = new double[k];
        double best = f1(scores, t, off, k);
        for (int pass = 0; pass < 3; pass++) {
            for (int l = 0; l < k; l++) {
                double keep = off[l];
                double bestValue = keep;
                for (int step = -20; step <= 20; step++) {
                    off[l] = step * 0.02;
                    double v = f1(scores, t, off, k);
                    if (v > best + 1e-9 || (Math.abs(v - best) <= 1e-9 && Math.abs(off[l]) < Math.abs(bestValue))) {
                        best = Math.max(best, v);
                        bestValue = off[l];
                    }
                }
                off[l] = bestValue;
            }
        }
        return off;
    }

    static final double[] FT_WEIGHTS = {0, 0.05, 0.1, 0.2, 0.4, 0.8};

    /** The fastText weight (grid) maximising the macro-F1 of out-of-fold stacked scores of the wanted shape. */
    static double ftWeight(List<TermIndex.Document> train, int[] y, int[] groups, View view, Variant variant,
            InputShape shape) {
        int k = view.labels().size();
        int[] inner = Folds.assign(y, groups, 3, 17L);
        List<double[]> svm = new ArrayList<>();
        List<double[]> fast = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            List<TermIndex.Document> fit = new ArrayList<>();
            List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (inner[i] != f) {
                    fit.add(train.get(i));
                    fy.add(y[i]);
                }
            }
            Vocabulary.Fitted fitted = Vocabulary.fit(fit, view.index(), variant.config());
            Feature[][] x = fit.stream().map(fitted::vectorise).toArray(Feature[][]::new);
            int[] yy = fy.stream().mapToInt(Integer::intValue).toArray();
            LinearModel model = LinearTrainer.train(x, yy, k, fitted.vocabulary(), variant.config(), variant.solver());
            FastText ft = FastText.train(x, yy, k, fitted.vocabulary().size(), 17L);
            for (int i = 0; i < train.size(); i++) {
                if (inner[i] == f && train.get(i).shape() == shape) {
                    Feature[] v = fitted.vectorise(train.get(i));
                    svm.add(model.scores(v));
                    fast.add(ft.logProbabilities(v));
                    truth.add(y[i]);
                }
            }
        }
        int[] t = truth.stream().mapToInt(Integer::intValue).toArray();
        double best = -1;
        double bestW = 0;
        for (double w : FT_WEIGHTS) {
            List<double[]> stacked = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                double[] s = svm.get(i).clone();
                for (int l = 0; l < k; l++) {
                    s[l] += w * fast.get(i)[l];
                }
                stacked.add(s);
            }
            double v = f1(stacked, t, new double[k], k);
            System.out.printf(Locale.ROOT, "      inner fastText weight %.2f: %.4f%n", w, v);
            if (v > best + 1e-9) {
                best = v;
                bestW = w;
            }
        }
        return bestW;
    }

    /**
     * A fastText-like member: each feature has a small embedding, a text is the sum of its features' embeddings
     * weighted by their TF-IDF values, and a softmax layer on top; trained by SGD with a linearly decaying rate.
     */
    static final class FastText {
        static final int DIM = Integer.getInteger("ft.dim", 24);
        static final int EPOCHS = Integer.getInteger("ft.epochs", 10);
        static final double RATE = Double.parseDouble(System.getProperty("ft.rate", "0.5"));
        final float[] e;
        final double[] w;
        final int k;

        FastText(float[] e, double[] w, int k) {
            this.e = e;
            this.w = w;
            this.k = k;
        }

        static FastText train(Feature[][] x, int[] y, int k, int features, long seed) {
            java.util.Random random = new java.util.Random(seed);
            float[] e = new float[(features + 1) * DIM];
            for (int i = 0; i < e.length; i++) {
                e[i] = (float) ((random.nextDouble() - 0.5) / DIM);
            }
            double[] w = new double[k * (DIM + 1)];
            int[] order = java.util.stream.IntStream.range(0, x.length).toArray();
            long total = (long) EPOCHS * x.length;
            long step = 0;
            double[] h = new double[DIM];
            double[] gh = new double[DIM];
            double[] p = new double[k];
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
                for (int n : order) {
                    double rate = RATE * (1.0 - (double) step++ / total);
                    Arrays.fill(h, 0);
                    for (Feature f : x[n]) {
                        int base = f.getIndex() * DIM;
                        for (int d = 0; d < DIM; d++) {
                            h[d] += f.getValue() * e[base + d];
                        }
                    }
                    forward(w, h, p, k);
                    Arrays.fill(gh, 0);
                    for (int l = 0; l < k; l++) {
                        double g = p[l] - (l == y[n] ? 1 : 0);
                        int row = l * (DIM + 1);
                        for (int d = 0; d < DIM; d++) {
                            gh[d] += g * w[row + d];
                            w[row + d] -= rate * g * h[d];
                        }
                        w[row + DIM] -= rate * g;
                    }
                    for (Feature f : x[n]) {
                        int base = f.getIndex() * DIM;
                        double v = rate * f.getValue();
                        for (int d = 0; d < DIM; d++) {
                            e[base + d] -= (float) (v * gh[d]);
                        }
                    }
                }
            }
            return new FastText(e, w, k);
        }

        static void forward(double[] w, double[] h, double[] p, int k) {
            double max = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < k; l++) {
                int row = l * (DIM + 1);
                double z = w[row + DIM];
                for (int d = 0; d < DIM; d++) {
                    z += w[row + d] * h[d];
                }
                p[l] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int l = 0; l < k; l++) {
                p[l] = Math.exp(p[l] - max);
                sum += p[l];
            }
            for (int l = 0; l < k; l++) {
                p[l] /= sum;
            }
        }

        double[] logProbabilities(Feature[] x) {
            double[] h = new double[DIM];
            for (Feature f : x) {
                int base = f.getIndex() * DIM;
                for (int d = 0; d < DIM; d++) {
                    h[d] += f.getValue() * e[base + d];
                }
            }
            double[] p = new double[k];
            forward(w, h, p, k);
            for (int l = 0; l < k; l++) {
                p[l] = Math.log(Math.max(p[l], 1e-12));
            }
            return p;
        }
    }

    private static double f1(List<double[]> scores, int[] truth, double[] off, int k) {
        int[] p = new int[truth.length];
        for (int i = 0; i < p.length; i++) {
            double[] s = scores.get(i);
            int best = 0;
            for (int l = 1; l < k; l++) {
                if (s[l] + off[l] > s[best] + off[best]) {
                    best = l;
                }
            }
            p[i] = best;
        }
        return Evaluation.of(truth, p, k).macroF1();
    }

    private static double macroF1(View view, int[] predicted, long seed) {
        int[] fold = Folds.assign(view.poolY(), view.poolGroups(), 5, seed);
        int[] truth = new int[predicted.length];
        int j = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == 0) {
                truth[j++] = view.poolY()[i];
            }
        }
        return Evaluation.of(truth, predicted, view.labels().size()).macroF1();
    }

    private static String norm(String text) {
        return text.isBlank() ? "\u0000" : text.strip();
    }
}
