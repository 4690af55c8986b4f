package cn.civicloop.knowledge.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import cn.civicloop.classifier.csv.CsvTable;

/**
 * The reply review on the 2,800 messages with their official replies of {@code ../shared/datasets/messages/replies.csv}
 * (read in place, never copied): the distribution of points met, the share of each point and flag, the time to review
 * one reply, and a fixed sample of 30 message ids with their checklist for a hand check (docs/knowledge.md).
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.civicloop.knowledge.internal.ReplyReviewBenchmark}
 */
public final class ReplyReviewBenchmark {

    static final Path FILE = Path.of("../shared/datasets/messages/replies.csv");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss");

    record Message(String id, String title, String detail, String reply, Instant asked, Instant replied) {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.exists(FILE)) {
            throw new IllegalStateException("expected " + FILE.toAbsolutePath() + " (the shared folder beside the clone)");
        }
        List<Message> messages = new ArrayList<>();
        CsvTable.read(FILE, List.of("message_id", "title", "time", "detail", "reply", "reply_time"), row -> messages.add(
                new Message(row.get("message_id"), row.get("title"), row.get("detail"), row.get("reply"),
                        time(row.get("time")), time(row.get("reply_time")))));
        int n = messages.size();
        ReplyReview.Checklist[] lists = new ReplyReview.Checklist[n];
        long[] replyPrints = new long[n];
        long[] appealPrints = new long[n];
        long[] nanos = new long[n];
        long[] cpu = new long[n];
        // wall time says what a reviewer waits on this machine as loaded as it is; the thread's CPU time says what one
        // review costs, which the machine's other load hardly changes
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (int i = 0; i < n; i++) {
                Message m = messages.get(i);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                // the data set has no appeal kind: a title that says 咨询 is taken as an enquiry
                lists[i] = ReplyReview.of(m.title(), m.detail(), m.reply(), m.asked(), m.replied(), null,
                        m.title().contains("咨询"));
                replyPrints[i] = ReplyPrint.of(m.reply());
                appealPrints[i] = ReplyPrint.of(m.title() + "\n" + m.detail());
                nanos[i] = System.nanoTime() - t0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            }
        }
        boolean[] formLetter = new boolean[n];
        String[] twinOf = new String[n];
        for (int i = 0; i < n; i++) {
            if (lists[i].empty()) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                Message a = messages.get(i);
                Message b = messages.get(j);
                if (i == j || b.replied() == null || a.replied() == null || b.replied().isAfter(a.replied())
                        || Duration.between(b.replied(), a.replied()).toDays() > 90) {
                    continue;
                }
                if (ReplyPrint.distance(appealPrints[i], appealPrints[j]) >= ReplyPrints.SAME_APPEAL_BITS
                        && ReplyPrint.distance(replyPrints[i], replyPrints[j]) <= 3) {
                    formLetter[i] = true;
                    twinOf[i] = b.id();
                    break;
                }
            }
        }
        report(messages, lists, formLetter, twinOf, nanos);
        long[] sortedCpu = Arrays.copyOf(cpu, n);
        Arrays.sort(sortedCpu);
        System.out.printf("CPU of one review (checklist + two prints): p50 %.3f ms, p95 %.3f ms, max %.3f ms%n",
                sortedCpu[n / 2] / 1e6, sortedCpu[(int) (n * 0.95)] / 1e6, sortedCpu[n - 1] / 1e6);
    }

    private static void report(List<Message> messages, ReplyReview.Checklist[] lists, boolean[] formLetter,
            String[] twinOf, long[] nanos) {
        int n = messages.size();
        Map<String, int[]> points = new TreeMap<>();
        Map<String, Integer> share = new TreeMap<>();
        int promise = 0;
        int empty = 0;
        int letters = 0;
        for (int i = 0; i < n; i++) {
            ReplyReview.Checklist c = lists[i];
            for (ReplyReview.Point p : c.points()) {
                int[] counts = points.computeIfAbsent(p.key(), k -> new int[2]);
                if (p.met() != null) {
                    counts[1]++;
                    counts[0] += p.met() ? 1 : 0;
                }
            }
            int pct = c.applicable() == 0 ? 0 : 100 * c.met() / c.applicable();
            String bucket = String.format("%3d–%3d %%", pct / 20 * 20, Math.min(100, pct / 20 * 20 + 19));
            share.merge(pct == 100 ? "100 %" : bucket, 1, Integer::sum);
            promise += c.promiseOnly() ? 1 : 0;
            empty += c.empty() ? 1 : 0;
            letters += formLetter[i] ? 1 : 0;
        }
        System.out.printf("replies: %d%n", n);
        System.out.println("points met / applicable:");
        share.forEach((k, v) -> System.out.printf("  %-12s %5d  %5.1f %%%n", k, v, 100.0 * v / n));
        System.out.println("each point (met of applicable):");
        points.forEach((k, v) -> System.out.printf("  %-8s %5d / %5d  %5.1f %%%n", k, v[0], v[1], 100.0 * v[0] / Math.max(1, v[1])));
        System.out.printf("mere promise: %d (%.1f %%), form letter: %d (%.1f %%), empty: %d%n", promise,
                100.0 * promise / n, letters, 100.0 * letters / n, empty);
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        System.out.printf("wall time of one review (checklist + two prints): p50 %.3f ms, p95 %.3f ms, max %.3f ms%n",
                sorted[n / 2] / 1e6, sorted[(int) (n * 0.95)] / 1e6, sorted[n - 1] / 1e6);
        Random random = new Random(17);
        System.out.println("hand-check sample (message id: met/applicable, missing points, flags):");
        for (int k = 0; k < 30; k++) {
            int i = random.nextInt(n);
            ReplyReview.Checklist c = lists[i];
            List<String> missing = c.points().stream().filter(p -> Boolean.FALSE.equals(p.met()))
                    .map(ReplyReview.Point::key).toList();
            System.out.printf("  %s: %d/%d missing %s%s%s%n", messages.get(i).id(), c.met(), c.applicable(), missing,
                    c.promiseOnly() ? " PROMISE" : "", formLetter[i] ? " FORM-LETTER(" + twinOf[i] + ")" : "");
        }
    }

    private static Instant time(String s) {
        try {
            return s == null || s.isBlank() ? null
                    : LocalDateTime.parse(s.strip(), TIME).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
