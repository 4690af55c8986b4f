package cn.civicloop.opinion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.civicloop.classifier.csv.CsvTable;
import cn.civicloop.opinion.internal.ClusteringSettings;
import cn.civicloop.opinion.internal.PostText;
import cn.civicloop.opinion.internal.TopicClusterer;

/**
 * Quality and speed of topic grouping on the shared message-board posts (../shared/datasets/messages/hot_topics.csv,
 * read in place, never copied). Quality: pairwise precision and recall on the labelled pairs of
 * src/test/resources/opinion/labelled-pairs.csv (message ids, our label and reason only). Speed: posts per second
 * placed by the streaming clusterer, the way the running module places them, over the file replayed several times
 * with shifted times so that the window holds thousands of posts.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.opinion.OpinionClusteringBenchmark
 * </pre>
 */
public final class OpinionClusteringBenchmark {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(System.getProperty("opinion.posts", "../shared/datasets/messages/hot_topics.csv"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared data missing: " + file.toAbsolutePath());
        }
        List<PostText> posts = OpinionCommandLine.read(file);
        long start = System.nanoTime();
        Map<String, Object[]> result = OpinionCommandLine.cluster(posts);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "opinion clustering: %d posts, %d topics, %.2f s (batch, as the command line)%n",
                posts.size(), result.values().stream().map(r -> r[0]).distinct().count(), seconds);
        // the pairs labelled while the grouping was tuned, then pairs labelled after the last change, never tuned to
        for (String name : List.of("labelled-pairs.csv", "labelled-pairs-heldout.csv")) {
            score(Path.of("src/test/resources/opinion", name), result);
        }
        ingest(posts);
    }

    private static void score(Path labels, Map<String, Object[]> result) throws IOException {
        int[] counts = new int[4]; // tp, fp, fn, tn
        CsvTable.read(labels, List.of("message_id_a", "message_id_b", "label"), row -> {
            Object[] a = result.get(row.get("message_id_a"));
            Object[] b = result.get(row.get("message_id_b"));
            if (a == null || b == null) {
                throw new IllegalStateException("labelled id not in the posts: line " + row.line());
            }
            boolean predicted = a[0].equals(b[0]);
            boolean same = "same".equals(row.get("label"));
            counts[predicted ? (same ? 0 : 1) : (same ? 2 : 3)]++;
        });
        System.out.printf(Locale.ROOT, "%s: %d pairs (%d same); pairwise precision %.3f, recall %.3f "
                        + "(tp %d, fp %d, fn %d, tn %d)%n", labels.getFileName(),
                counts[0] + counts[1] + counts[2] + counts[3], counts[0] + counts[2],
                counts[0] / (double) Math.max(1, counts[0] + counts[1]),
                counts[0] / (double) Math.max(1, counts[0] + counts[2]), counts[0], counts[1], counts[2], counts[3]);
    }

    /** The posts replayed {@code rounds} times, each round's times shifted by a few days and ids made unique. */
    private static void ingest(List<PostText> posts) {
        List<PostText> byTime = new ArrayList<>(posts);
        byTime.sort(java.util.Comparator.comparing(PostText::at));
        int rounds = Integer.getInteger("opinion.rounds", 5);
        List<PostText> stream = new ArrayList<>();
        for (PostText p : byTime) {
            for (int r = 0; r < rounds; r++) {
                stream.add(new PostText(p.id() + "-" + r, p.title(), p.detail(), p.at().plus(Duration.ofHours(r)),
                        p.author(), p.engagement()));
            }
        }
        int[] next = {0};
        TopicClusterer clusterer = TopicClusterer.streaming(ClusteringSettings.DEFAULT, p -> "T" + ++next[0]);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int maxWindow = 0;
        for (PostText p : stream) {
            clusterer.add(p);
            maxWindow = Math.max(maxWindow, clusterer.windowSize());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "ingest into topics: %d posts in %.2f s = %.0f posts/s; %.2f s of CPU = %.0f "
                + "posts per CPU second (window up to %d posts)%n", stream.size(), seconds, stream.size() / seconds,
                cpu, stream.size() / cpu, maxWindow);
    }
}
