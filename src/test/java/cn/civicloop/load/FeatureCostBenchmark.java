package cn.civicloop.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

import cn.civicloop.classifier.model.CharGrams;
import cn.civicloop.classifier.model.FeatureConfig;
import cn.civicloop.classifier.model.TextFeatures;

/**
 * CPU of the routing model's features for one appeal (a command, not a test): {@link TextFeatures#of} as it is,
 * each text segmented once, against the earlier way kept here for comparison, each of the four blocks
 * segmented on its own; checks that both give the same features. Thread CPU time, so other work on the machine
 * disturbs it little; the load average is printed with it.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.load.FeatureCostBenchmark [texts]
 * </pre>
 */
public final class FeatureCostBenchmark {

    private FeatureCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        AppealTexts texts = AppealTexts.read(AppealTexts.DEFAULT);
        FeatureConfig config = FeatureConfig.defaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int differ = 0;
        for (int i = 0; i < Math.min(n, 500); i++) { // warm-up and the check that both ways agree
            String[] t = texts.get(i);
            if (!TextFeatures.of(t[0], t[1], config).equals(eachBlockOnItsOwn(t[0], t[1], config))) {
                differ++;
            }
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            String[] t = texts.get(i);
            TextFeatures.of(t[0], t[1], config);
        }
        double now = (threads.getCurrentThreadCpuTime() - start) / 1e6 / n;
        start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            String[] t = texts.get(i);
            eachBlockOnItsOwn(t[0], t[1], config);
        }
        double before = (threads.getCurrentThreadCpuTime() - start) / 1e6 / n;
        System.out.printf("features of one appeal (title + body, %d real texts): %.2f ms CPU each text segmented"
                + " once, %.2f ms each block segmented on its own; %d of %d differ; load average %s%n", n, now,
                before, differ, Math.min(n, 500), Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** The features as they were made before: the shared block segmented again. */
    private static Map<String, Integer> eachBlockOnItsOwn(String title, String detail, FeatureConfig config) {
        Map<String, Integer> counts = new HashMap<>();
        String t = TextFeatures.normalise(title);
        String d = TextFeatures.normalise(detail);
        boolean shared = config.sharedWeight() > 0;
        if (!t.isEmpty()) {
            add(t, TextFeatures.TITLE, config, counts);
            if (shared) {
                add(t, TextFeatures.SHARED, config, counts);
            }
        }
        if (!d.isEmpty()) {
            add(d, TextFeatures.DETAIL, config, counts);
            if (shared) {
                add(d, TextFeatures.SHARED, config, counts);
            }
        }
        return counts;
    }

    private static void add(String text, char block, FeatureConfig config, Map<String, Integer> counts) {
        if (config.words()) {
            for (Term term : HanLP.segment(text)) {
                if (term.word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    counts.merge(block + "w" + term.word, 1, Integer::sum);
                }
            }
        }
        int longest = block == TextFeatures.DETAIL ? config.detailCharGram() : config.maxCharGram();
        CharGrams.count(text, block, longest, counts);
    }
}
