package cn.civicloop.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.classifier.csv.CsvTable;
import cn.civicloop.opinion.internal.Sources;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.Api;

/**
 * Posts pushed by a monitoring vendor into topics, end to end (a command, not a test): the application on a fresh
 * PostgreSQL database, one push source, then the real message-board posts of
 * {@code ../shared/datasets/messages/hot_topics.csv} (read in place, never copied) replayed {@code --rounds} times in
 * time order, each round an hour later with its own ids, in signed batches of {@code --batch} posts sent by
 * {@code --clients} vendor connections: HTTP, signature, JSON, the stores of post and topic, the grouping, the heat and
 * the alerts. Prints posts stored per second of wall time and the CPU per post of the application (the vendor's
 * threads apart) and of PostgreSQL, which the machine's other load hardly changes.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.load.OpinionIngestBenchmark --rounds=3
 * </pre>
 */
public final class OpinionIngestBenchmark {

    /** The board's times, with slashes or dashes (both occur), read as district time. */
    private static final DateTimeFormatter BOARD_TIME = DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss");

    private record Post(String id, String author, String title, String text, Instant at, long likes, long opposes) {
    }

    /** Place names as vendors send them which the demo gazetteer does not know (the board's own, anonymised). */
    private static final List<String> UNKNOWN_PLACES = List.of("A市A3区联丰路米兰春天", "A7县星沙镇", "A市经济学院",
            "A2区丽发新城小区", "A市A5区凉塘路");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path file = Path.of(o.getOrDefault("posts", "../shared/datasets/messages/hot_topics.csv"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared data missing: " + file.toAbsolutePath());
        }
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        int batchSize = Integer.parseInt(o.getOrDefault("batch", "100"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        List<Post> stream = replay(read(file), rounds);

        String db = LoadBenchmark.freshDatabase("civicloop_opinion_ingest_" + Long.toString(System.currentTimeMillis() % 10_000_000L, 36));
        ConfigurableApplicationContext app = LoadBenchmark.start(db, 20);
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api api = new Api(port);
            String code = "ingest-bench";
            String secret = api.post("/api/v1/opinion/sources", api.login("opinion"),
                    Map.of("code", code, "name", "压测监测服务商", "kind", "PUSH")).json().get("secret").asString();
            // --placed=SHARE: that share of the posts name a place, half of them a named place of the gazetteer, half a
            // name it does not know; the geocoding of those names is then part of the CPU per post
            double placed = Double.parseDouble(o.getOrDefault("placed", "0"));
            List<String> known = app.getBean(JdbcClient.class)
                    .sql("select name from places_element where level = 'PLACE' order by code").query(String.class).list();
            List<byte[]> batches = new ArrayList<>();
            for (int from = 0; from < stream.size(); from += batchSize) {
                batches.add(body(stream.subList(from, Math.min(stream.size(), from + batchSize)), from, placed, known));
            }
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, CpuMeter.GENERATOR))
                    .connectTimeout(Duration.ofSeconds(60)).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/opinion/sources/" + code + "/posts");
            System.out.printf(Locale.ROOT, "%nOpinion ingest: %d posts (%d rounds of %s) in %d batches of %d, %d clients;"
                    + " %.0f %% with a place; load %s%n", stream.size(), rounds, file.getFileName(), batches.size(), batchSize, clients,
                    100 * placed, load());

            // the first case triaged after a start trains the routing model (several CPU seconds on other threads): done
            // here, before the meter starts, so that the CPU per post is the posts' and not the start's
            app.getBean(cn.civicloop.triage.internal.ActiveModel.class).model();
            CpuMeter cpu = new CpuMeter(db);
            CpuMeter.Reading before = cpu.read();
            long start = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService vendor = Executors.newFixedThreadPool(clients, CpuMeter.GENERATOR);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(vendor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        String ts = Long.toString(System.currentTimeMillis() / 1000);
                        byte[] bytes = batches.get(i);
                        String signature = HexFormat.of().formatHex(Sources.sign(secret, ts, bytes));
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json").header("X-Opinion-Timestamp", ts)
                                .header("X-Opinion-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
                        try {
                            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 200) {
                                accepted.addAndGet(Api.json().readTree(answer.body()).get("accepted").asInt());
                            } else {
                                failed.incrementAndGet();
                                System.out.println("batch " + i + ": " + answer.statusCode() + " " + answer.body());
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            System.out.println("batch " + i + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuMeter.Reading used = cpu.read().minus(before);
            vendor.shutdown();
            long topics = app.getBean(JdbcClient.class).sql("select count(*) from opinion_topic").query(Long.class)
                    .single();
            System.out.printf(Locale.ROOT, "stored %d posts in %d topics, %d batches failed, in %.1f s: %.0f posts/s%n",
                    accepted.get(), topics, failed.get(), seconds, accepted.get() / seconds);
            System.out.printf(Locale.ROOT, "CPU per post: application %.3f ms, PostgreSQL %.3f ms, vendor (client) %.3f ms;"
                    + " two quiet cores would store about %.0f posts/s%n", 1000 * used.appSeconds() / accepted.get(),
                    1000 * used.postgresSeconds() / accepted.get(), 1000 * used.generatorSeconds() / accepted.get(),
                    2 * accepted.get() / (used.appSeconds() + used.postgresSeconds()));
            if (placed > 0) {
                System.out.printf(Locale.ROOT, "posts placed on the map: %d%n", app.getBean(JdbcClient.class)
                        .sql("select count(*) from opinion_post where lat is not null").query(Long.class).single());
            }
            System.out.printf("load after: %s%n", load());
        } finally {
            app.close();
            if (!o.containsKey("keep")) {
                drop(db);
            }
        }
        System.exit(0);
    }

    private static void drop(String db) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); java.sql.Statement st = c.createStatement()) {
            st.execute("drop database if exists " + db.substring(db.lastIndexOf('/') + 1) + " with (force)");
        }
    }

    private static List<Post> read(Path file) throws Exception {
        List<Post> posts = new ArrayList<>();
        CsvTable.read(file, List.of("message_id", "user", "title", "time", "detail"), row -> {
            Instant at = LocalDateTime.parse(row.get("time").strip().replace('/', '-'), BOARD_TIME)
                    .atZone(DistrictTime.ZONE).toInstant();
            posts.add(new Post(row.get("message_id"), row.get("user"), row.get("title"), row.get("detail"), at,
                    count(row.get("like_count")), count(row.get("oppose_count"))));
        });
        posts.sort(Comparator.comparing(Post::at));
        return posts;
    }

    /** The posts {@code rounds} times over, each round an hour later under ids of its own, in time order. */
    private static List<Post> replay(List<Post> posts, int rounds) {
        List<Post> stream = new ArrayList<>();
        for (Post p : posts) {
            for (int r = 0; r < rounds; r++) {
                stream.add(new Post(p.id() + "-" + r, p.author(), p.title(), p.text(),
                        p.at().plus(Duration.ofHours(r)), p.likes(), p.opposes()));
            }
        }
        return stream;
    }

    private static byte[] body(List<Post> batch, int offset, double placed, List<String> knownPlaces) {
        List<Map<String, Object>> posts = new ArrayList<>();
        int every = placed <= 0 ? 0 : (int) Math.round(1 / placed);
        for (int i = 0; i < batch.size(); i++) {
            Post p = batch.get(i);
            int n = offset + i;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", p.id());
            json.put("url", "https://bbs.example.cn/t/" + p.id());
            json.put("author", p.author());
            json.put("title", p.title());
            json.put("text", p.text());
            json.put("time", p.at().toString());
            json.put("likes", p.likes());
            json.put("opposes", p.opposes());
            if (every > 0 && n % every == 0) {
                int k = n / every;
                json.put("place", k % 2 == 0 && !knownPlaces.isEmpty() ? knownPlaces.get((k / 2) % knownPlaces.size())
                        : UNKNOWN_PLACES.get((k / 2) % UNKNOWN_PLACES.size()));
            }
            posts.add(json);
        }
        return Api.json().writeValueAsString(Map.of("posts", posts)).getBytes(StandardCharsets.UTF_8);
    }

    private static long count(String cell) {
        try {
            return cell == null || cell.isBlank() ? 0 : Long.parseLong(cell.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }
}
