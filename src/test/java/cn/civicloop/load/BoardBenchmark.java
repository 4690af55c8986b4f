package cn.civicloop.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public board under a crowd while intake runs (a command, not a test): starts the application on a fresh
 * PostgreSQL database with the production settings (the board's default one-minute snapshot), submits
 * {@code --seed} publishable appeals, then for {@code --seconds} sends {@code --rate} GET /board per second (open
 * loop, every request timed from its scheduled start) while {@code --intake} appeals per second arrive, and prints
 * the page's latency percentiles and the intake's. Before the timed run it measures the CPU one page costs
 * ({@code --cpu-requests} sequential requests), the server's apart from the client's, a figure the machine's other
 * load hardly changes. The database is
 * dropped at the end unless {@code --keep}.
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.load.BoardBenchmark --rate=200 --seconds=30
 * </pre>
 */
public final class BoardBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int rate = Integer.parseInt(o.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int intake = Integer.parseInt(o.getOrDefault("intake", "10"));
        int seed = Integer.parseInt(o.getOrDefault("seed", "300"));
        String db = LoadBenchmark.freshDatabase("civicloop_board_" + Long.toString(System.currentTimeMillis() % 10_000_000L, 36));
        ConfigurableApplicationContext app = LoadBenchmark.start(db, 20);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        // the client's threads are the generator's, so its CPU is counted apart from the server's
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32, CpuMeter.GENERATOR))
                .connectTimeout(Duration.ofSeconds(60)).build();
        AtomicInteger seq = new AtomicInteger();
        System.out.printf("%nBoard benchmark: %d GET /board per second for %d s, %d appeals per second; load %s%n",
                rate, seconds, intake, load());
        for (int i = 0; i < seed; i++) {
            appeal(http, base, seq.incrementAndGet()).join();
        }
        // warm-up: the first build and the JIT
        for (int i = 0; i < 200; i++) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/board")).build(), HttpResponse.BodyHandlers.ofString());
        }
        // CPU per page, which hardly depends on what else the machine does (unlike the latency of an open loop):
        // sequential requests sent from a generator thread, so the client's CPU (its thread, the HTTP client's
        // executor and selector) is told apart from the server's
        int measured = Integer.parseInt(o.getOrDefault("cpu-requests", "2000"));
        CpuMeter cpu = new CpuMeter(db);
        CpuMeter.Reading before = cpu.read();
        ExecutorService sequential = Executors.newSingleThreadExecutor(CpuMeter.GENERATOR);
        sequential.submit(() -> {
            for (int i = 0; i < measured; i++) {
                http.send(HttpRequest.newBuilder(URI.create(base + "/board")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            return null;
        }).get();
        sequential.shutdown();
        CpuMeter.Reading used = cpu.read().minus(before);
        double postgres = Double.isNaN(used.postgresSeconds()) ? 0 : used.postgresSeconds();
        double perPage = (used.appSeconds() + postgres) / measured;
        System.out.printf("CPU per GET /board (%d sequential): server %.2f ms, client %.2f ms, PostgreSQL %.3f ms; "
                + "%d per second need %.0f %% of two cores for the server and PostgreSQL%n", measured,
                1000 * used.appSeconds() / measured, 1000 * used.generatorSeconds() / measured,
                1000 * postgres / measured, rate, 100 * rate * perPage / 2);
        ConcurrentLinkedQueue<Long> board = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> appeals = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger failedAppeals = new AtomicInteger();
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        Thread intakeThread = new Thread(() -> {
            long interval = 1_000_000_000L / intake;
            long start = System.nanoTime();
            for (long k = 0; k < (long) intake * seconds; k++) {
                long due = start + k * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                pending.add(appeal(http, base, seq.incrementAndGet()).handle((status, error) -> {
                    if (error != null || status >= 300) {
                        failedAppeals.incrementAndGet();
                    }
                    appeals.add(System.nanoTime() - due);
                    return null;
                }));
            }
        });
        intakeThread.start();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long k = 0; k < (long) rate * seconds; k++) {
            long due = start + k * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            // a refused or broken connection is a failed request, counted, not the end of the run
            pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/board")).build(),
                    HttpResponse.BodyHandlers.ofString()).handle((r, error) -> {
                        if (error != null || r.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                        board.add(System.nanoTime() - due);
                        return null;
                    }));
        }
        intakeThread.join();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        print("GET /board", board, failed.get());
        print("POST /api/v1/appeals", appeals, failedAppeals.get());
        System.out.printf("load after: %s%n", load());
        app.close();
        if (!o.containsKey("keep")) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    java.sql.Statement st = c.createStatement()) {
                st.execute("drop database if exists " + db.substring(db.lastIndexOf('/') + 1) + " with (force)");
            }
        }
        System.exit(0);
    }

    private static CompletableFuture<Integer> appeal(HttpClient http, String base, int n) {
        String body = """
                {"channel":"WEBSITE","externalRef":"board-bench-%d","kind":"COMPLAINT","title":"光明路路灯不亮 %d",
                 "content":"光明路路灯连续三晚不亮，夜间行人不便 %d","location":{"lat":34.8597,"lon":117.5546},
                 "contact":{"name":"测试先生","phone":"13800000000"},"publish":true}""".formatted(n, n, n);
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/appeals"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private static void print(String what, ConcurrentLinkedQueue<Long> nanos, int failed) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        System.out.printf("%-22s n=%d failed=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what, s.size(),
                failed, at(s, 0.50), at(s, 0.95), at(s, 0.99), at(s, 1.0));
    }

    private static double at(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }
}
