package cn.civicloop.opinion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.civicloop.classifier.csv.CsvFormatException;
import cn.civicloop.classifier.csv.CsvTable;
import cn.civicloop.classifier.csv.CsvWriter;
import cn.civicloop.opinion.internal.ClusteringSettings;
import cn.civicloop.opinion.internal.HeatFormula;
import cn.civicloop.opinion.internal.PostText;
import cn.civicloop.opinion.internal.PostTimes;
import cn.civicloop.opinion.internal.TopicClusterer;
import cn.civicloop.opinion.internal.TopicStats;

/**
 * The opinion command line: groups a CSV of posts into topics without starting the application, with the same
 * clustering and heat index as the running module. Independent checks call it, so its format is stable:
 * <pre>
 * opinion cluster --in POSTS.csv --out TOPICS.csv
 * </pre>
 * POSTS.csv: RFC 4180 UTF-8 with a header holding {@code message_id,title,detail,time}; {@code like_count},
 * {@code oppose_count}, {@code reply_count}, {@code repost_count} (engagement) and {@code user} (author) are used
 * when present. TOPICS.csv: {@code message_id,topic_id,heat} for every input row, in input order.
 * Exit codes: 0 success, 1 bad data or I/O failure, 2 wrong usage.
 */
public final class OpinionCommandLine {

    static final String USAGE = """
            usage: opinion cluster --in POSTS.csv --out TOPICS.csv
                     POSTS.csv: UTF-8 CSV with a header holding message_id,title,detail,time
                     TOPICS.csv: message_id,topic_id,heat (one row per input row, in input order)""";

    private static final List<String> ENGAGEMENT = List.of("like_count", "oppose_count", "reply_count",
            "repost_count");

    private OpinionCommandLine() {
    }

    public static boolean isVerb(String first) {
        return "opinion".equals(first);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        if (args.length != 6 || !isVerb(args[0]) || !"cluster".equals(args[1])) {
            return usage(err, "expected: opinion cluster --in POSTS.csv --out TOPICS.csv");
        }
        for (int i = 2; i < args.length; i += 2) {
            if (!List.of("--in", "--out").contains(args[i]) || options.put(args[i], args[i + 1]) != null) {
                return usage(err, "unknown or repeated option " + args[i]);
            }
        }
        if (options.size() != 2) {
            return usage(err, "both --in and --out are needed");
        }
        try {
            long start = System.nanoTime();
            List<PostText> posts = read(Path.of(options.get("--in")));
            Map<String, Object[]> result = cluster(posts);
            write(Path.of(options.get("--out")), posts, result);
            out.printf(Locale.ROOT, "opinion: %d posts in %d topics in %.1f s -> %s%n", posts.size(),
                    result.values().stream().map(r -> r[0]).distinct().count(),
                    (System.nanoTime() - start) / 1e9, options.get("--out"));
            return 0;
        } catch (CsvFormatException | IllegalArgumentException e) {
            err.println("opinion: " + e.getMessage());
            return 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("opinion: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("opinion: " + problem);
        err.println(USAGE);
        return 2;
    }

    static List<PostText> read(Path file) throws IOException {
        List<PostText> posts = new ArrayList<>();
        CsvTable.read(file, List.of("message_id", "title", "detail", "time"), row -> {
            String id = row.get("message_id").strip();
            if (id.isEmpty()) {
                throw new CsvFormatException(file + ": line " + row.line() + ": empty message_id");
            }
            var at = PostTimes.parse(row.get("time"));
            if (at == null) {
                throw new CsvFormatException(file + ": line " + row.line() + ": time '" + row.get("time")
                        + "' is not a time (2019/2/28 11:25:05, 2019-02-28 11:25 or ISO 8601)");
            }
            long engagement = 0;
            for (String column : ENGAGEMENT) {
                engagement += count(row.get(column), file, row.line(), column);
            }
            String author = row.get("user").isBlank() ? "post:" + id : row.get("user").strip();
            posts.add(new PostText(id, row.get("title"), row.get("detail"), at, author, engagement));
        });
        return posts;
    }

    private static long count(String text, Path file, int line, String column) {
        if (text.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new CsvFormatException(file + ": line " + line + ": " + column + " '" + text + "' is not a number");
        }
    }

    /** Topic id and heat by message id; posts are placed in time order, as they would have arrived. */
    static Map<String, Object[]> cluster(List<PostText> posts) {
        List<PostText> byTime = new ArrayList<>(posts);
        byTime.sort(Comparator.comparing(PostText::at));
        int[] next = {0};
        TopicClusterer clusterer = TopicClusterer.batch(ClusteringSettings.DEFAULT, byTime,
                p -> String.format(Locale.ROOT, "T%06d", ++next[0]));
        Map<String, String> topicOf = new HashMap<>();
        Map<String, TopicStats> stats = new HashMap<>();
        for (PostText post : byTime) {
            if (topicOf.containsKey(post.id())) {
                continue;
            }
            String topic = clusterer.add(post);
            topicOf.put(post.id(), topic);
            stats.computeIfAbsent(topic, t -> new TopicStats()).add(post, false);
        }
        Map<String, Object[]> result = new HashMap<>();
        topicOf.forEach((post, topic) -> result.put(post,
                new Object[] {topic, HeatFormula.DEFAULT.heat(stats.get(topic))}));
        return result;
    }

    private static void write(Path file, List<PostText> posts, Map<String, Object[]> result) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            csv.write(List.of("message_id", "topic_id", "heat"));
            for (PostText post : posts) {
                Object[] r = result.get(post.id());
                csv.write(List.of(post.id(), (String) r[0], String.format(Locale.ROOT, "%.1f", (Double) r[1])));
            }
            csv.flush();
        }
    }
}
