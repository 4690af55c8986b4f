package cn.civicloop.load;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash test (a command; {@code scripts/crash-test.sh} builds the jar and runs it): starts the packaged app as a
 * separate JVM on a fresh PostgreSQL database, drives appeals at it, kills it with SIGKILL mid-run, restarts it
 * "later" ({@code civicloop.clock.offset}, default 30 h, so deadline rungs fall due during the downtime) and checks:
 * <ol>
 * <li>every appeal answered 2xx exists exactly once, under the number the client was given;</li>
 * <li>every rung that fell due fired exactly once (one timeline entry per case, stage and percent);</li>
 * <li>no event between modules was lost: no incomplete publication remains, every case has its triage decision.</li>
 * </ol>
 * Exit code 0 when all hold, 1 otherwise.
 */
public final class CrashTest {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String jar = o.getOrDefault("jar", "target/civicloop-0.1.0-SNAPSHOT.jar");
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int killAfter = Integer.parseInt(o.getOrDefault("kill-after-seconds", "20"));
        String offset = o.getOrDefault("offset", "PT30H");
        String run = "crash" + Long.toString(System.currentTimeMillis() % 10_000_000L, 36);
        String db = LoadBenchmark.freshDatabase("civicloop_" + run);
        int port = Integer.parseInt(o.getOrDefault("port", "18181"));
        System.out.printf("crash test %s on %s, app port %d%n", run, db, port);

        Process app = start(jar, db, port, "PT0S", "target/" + run + "-1.log");
        String base = "http://127.0.0.1:" + port;
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        LoadClient client = new LoadClient(base, pool);
        awaitUp(client, app);
        AppealTexts texts = AppealTexts.read(AppealTexts.DEFAULT);
        Map<String, String> answered = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService drivers = Executors.newFixedThreadPool(clients);
        for (int k = 0; k < clients; k++) {
            drivers.submit(() -> {
                while (running.get()) {
                    int i = sequence.getAndIncrement();
                    LoadClient.Answer a = client.send(client.appeal(run, i, texts.get(i)));
                    if (a.ok() && a.number() != null) {
                        answered.put(LoadClient.ref(run, i), a.number());
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(killAfter * 1000L);
        app.destroyForcibly(); // SIGKILL: no shutdown hook, no draining of the event listeners
        app.waitFor();
        running.set(false);
        drivers.shutdown();
        drivers.awaitTermination(1, TimeUnit.MINUTES);
        System.out.printf("killed with SIGKILL after %d s: %d appeals answered 2xx, %d requests failed (in flight "
                + "or refused during the kill)%n", killAfter, answered.size(), failures.get());
        try (Connection c = DriverManager.getConnection(db, "postgres", "")) {
            System.out.printf("at the kill: %d incomplete event publications, %d cases without triage decision%n",
                    scalar(c, "select count(*) from event_publication where completion_date is null"),
                    scalar(c, "select count(*) from cases_case k where not exists (select 1 from triage_decision d "
                            + "where d.case_number = k.number)"));
        }

        Process again = start(jar, db, port, offset, "target/" + run + "-2.log");
        awaitUp(client, again);
        boolean ok;
        try (Connection c = DriverManager.getConnection(db, "postgres", "")) {
            long deadline = System.currentTimeMillis() + 300_000;
            long dueLeft;
            long incomplete;
            do {
                Thread.sleep(1000);
                incomplete = scalar(c, "select count(*) from event_publication where completion_date is null");
                dueLeft = scalar(c, "select count(*) from scheduled_tasks where task_name = 'case-escalation' and "
                        + "execution_time <= now() + interval '" + Duration.parse(offset).toSeconds() + " seconds'");
            } while ((incomplete > 0 || dueLeft > 0) && System.currentTimeMillis() < deadline);
            ok = verify(c, answered, incomplete, dueLeft, run);
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
            pool.shutdownNow();
        }
        System.out.println(ok ? "CRASH TEST PASSED" : "CRASH TEST FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static boolean verify(Connection c, Map<String, String> answered, long incomplete, long dueLeft,
            String run) throws Exception {
        Map<String, List<String>> stored = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select external_ref, number from cases_case where external_ref like '"
                        + run + "-%'")) {
            while (r.next()) {
                stored.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
        long missing = answered.entrySet().stream()
                .filter(e -> !List.of(e.getValue()).equals(stored.get(e.getKey()))).count();
        long untriaged = scalar(c, "select count(*) from cases_case k where not exists (select 1 from triage_decision d "
                + "where d.case_number = k.number)");
        long fired = scalar(c, "select count(*) from cases_escalation_fired");
        long entries = scalar(c, "select count(*) from cases_timeline where actor_role = 'SYSTEM' and action in "
                + "('REMIND', 'SUPERVISE', 'REPORT')");
        long twice = scalar(c, "select count(*) from (select case_id, reason from cases_timeline where actor_role = "
                + "'SYSTEM' and action in ('REMIND', 'SUPERVISE', 'REPORT') group by case_id, reason having count(*) > 1) x");
        System.out.printf("after restart: %d cases stored for %d answered 2xx; %d answered but missing, duplicated or "
                + "under another number%n", stored.size(), answered.size(), missing);
        System.out.printf("events: %d incomplete publications, %d cases without triage decision%n", incomplete, untriaged);
        System.out.printf("deadlines: %d rungs fired (%d timeline entries, %d fired twice); %d due timers still "
                + "waiting%n", fired, entries, twice, dueLeft);
        return missing == 0 && incomplete == 0 && untriaged == 0 && fired > 0 && fired == entries && twice == 0
                && dueLeft == 0;
    }

    private static Process start(String jar, String db, int port, String offset, String log) throws Exception {
        List<String> command = List.of(System.getProperty("java.home") + "/bin/java", "-Xmx768m", "-jar", jar,
                "--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + db, "--server.port=" + port,
                "--civicloop.demo.seed-cases=false", "--civicloop.security.rate-limit.enabled=false",
                "--civicloop.cases.tracking-secret=crash-test-tracking-secret-0123456789abcd", "--civicloop.clock.offset=" + offset,
                "--db-scheduler.polling-interval=1s", "--civicloop.events.resubmit-after=PT10S",
                "--civicloop.events.resubmit-check=PT2S",
                "--logging.level.cn.civicloop.notify.internal.LoggingResidentChannel=WARN");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log)).start();
    }

    private static void awaitUp(LoadClient client, Process app) throws InterruptedException {
        long end = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < end) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + "; see its log in target/");
            }
            if (client.send(client.get("/login", null)).ok()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not start within 5 minutes");
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
