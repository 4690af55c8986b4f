package cn.civicloop.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.civicloop.CivicLoopApplication;

/**
 * Load benchmark (a command, not a test): submits real appeal texts to the intake API from K concurrent clients,
 * reads as staff, runs an open-loop phase at a fixed rate, and measures the raw single-row INSERT ceiling of the
 * same database, printing the ratio. See README, "Load, crash and two instances".
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.load.LoadBenchmark \
 *     -Dexec.args="--clients=16 --count=20000 --rate=200 --rate-seconds=20"
 * </pre>
 * Without {@code --url} it starts the application in this JVM on a fresh PostgreSQL database (production
 * settings: postgres profile, no demo cases, no rate limit); with {@code --url=http://127.0.0.1:8080} it targets a
 * running instance and, given {@code --db=jdbc:postgresql://…}, also checks triage in that database.
 * {@code --model-from=<database>} puts the routing model an earlier run's database has in service into the fresh
 * one, so the warm-up does not train the first model (minutes of CPU that are no appeal's work).
 * {@code --jfr=<file>} records a JFR profile ({@code profile} settings) of the measured window only (submit phase
 * until triage has caught up), for {@link ProfileFrames}.
 */
public final class LoadBenchmark {

    private final Map<String, String> options;
    private final AppealTexts texts = AppealTexts.read(AppealTexts.DEFAULT);
    private final String run = "load" + Long.toString(System.currentTimeMillis() % 10_000_000L, 36);
    private final ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private long drainLimitSeconds = 600;
    /**
     * Whether the app's DataSource is wrapped by {@link SqlTrace}: its bookkeeping runs on the app's threads and is
     * counted in the app's CPU (about a sixth of it, JFR), so {@code --no-sql-trace} measures the CPU without it
     * (no statements per kind, no replay).
     */
    private static boolean traceSql = true;

    private LoadBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        traceSql = !options.containsKey("no-sql-trace");
        if (!traceSql) {
            options.put("skip-replay", "true");
        }
        new LoadBenchmark(options).run();
        System.exit(0);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        int clients = intOption("clients", 16);
        int count = intOption("appeals", intOption("count", 10_000));
        // On a machine shared with other work a phase may take far longer than planned: --seconds bounds the
        // submit phase (the appeals answered by then are the measured ones), --drain-seconds the wait for triage.
        long seconds = intOption("seconds", 3_600);
        drainLimitSeconds = intOption("drain-seconds", 600);
        int rate = intOption("rate", 200);
        int rateSeconds = intOption("rate-seconds", 20);
        int reads = intOption("reads", 3_000);
        int pool = intOption("pool", 20);
        String db = options.get("db");
        String url = options.get("url");
        ConfigurableApplicationContext app = null;
        if (url == null) {
            // --model-from=<database>: the routing model that database has in service, instead of training the first
            // one during the warm-up (minutes of CPU); read before a fresh database of the same name replaces it
            StoredModel model = options.containsKey("model-from") ? StoredModel.read(options.get("model-from")) : null;
            if (db == null) {
                db = freshDatabase(options.getOrDefault("database", "civicloop_load_" + run));
            }
            app = start(db, pool);
            raiseSequences(db);
            if (model != null) {
                model.store(db);
            }
            url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        }
        boolean inJvm = app != null;
        System.out.printf("%nCivicLoop load benchmark — run %s against %s (%s), %d cores, %d clients%n", run, url,
                app == null ? "external app" : "app in this JVM, sharing the cores with the load generator",
                Runtime.getRuntime().availableProcessors(), clients);
        System.out.printf("machine load before: %s%n", loadAverage());

        ExecutorService httpPool = Executors.newFixedThreadPool(Math.max(4, clients), CpuMeter.GENERATOR);
        // Several comma-separated URLs: instances of one cluster, used in turn request by request (no stickiness).
        LoadClient client = new LoadClient(url, httpPool);
        String token = client.token(options.getOrDefault("user", "leader"), "civic-demo");

        closedLoop(client, "warm-up", clients, intOption("warm-up", Math.min(1_000, count / 5)), seconds);
        if (db != null) {
            // The first triage trains the routing model on an empty database (ActiveModel): neither that nor the
            // warm-up's triage backlog is work of the measured appeals.
            awaitEventsDone(db);
        }
        numbers.clear();
        CpuMeter cpu = new CpuMeter(db);
        CpuMeter.Reading cpuBefore = cpu.read();
        Map<String, Double> threadsBefore = CpuMeter.threadKinds();
        SqlTrace.Counts sqlBefore = SqlTrace.APP.counts();
        Map<String, Long> kindsBefore = SqlTrace.APP.kinds();
        jdk.jfr.Recording profile = options.containsKey("jfr")
                ? new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile")) : null;
        if (profile != null) {
            profile.start();
        }
        Latencies submit = closedLoop(client, "submit (closed loop)", clients, count, seconds);
        List<String> measured = new ArrayList<>(numbers);
        long drainStart = System.nanoTime();
        if (db != null) {
            awaitEventsDone(db);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        CpuMeter.Reading cpuUsed = cpu.read().minus(cpuBefore);
        Map<String, Double> threadsAfter = CpuMeter.threadKinds();
        SqlTrace.Counts sqlUsed = SqlTrace.APP.counts().minus(sqlBefore);
        Map<String, Long> kindsUsed = minus(SqlTrace.APP.kinds(), kindsBefore);
        if (profile != null) {
            profile.stop();
            profile.dump(java.nio.file.Path.of(options.get("jfr")));
            profile.close();
        }
        long completed = db == null ? -1 : triaged(db, measured);
        List<Latencies> readFigures = reads <= 0 ? List.of() : reads(client, token, clients, reads);
        Latencies open = rateSeconds <= 0 ? null : openLoop(client, rate, rateSeconds);
        if (db != null && open != null) {
            awaitEventsDone(db);
        }
        Recorded recorded = app == null || options.containsKey("skip-replay") ? null : record(client, db);
        if (app != null) {
            app.close(); // the replay runs without the app: its timers must not fire on the replayed rows
            app = null;
        }
        TraceReplay.Ceiling replayed = recorded == null ? null
                : new TraceReplay(recorded.borrows(), recorded.numbers().size()).measure(db, pool, clients,
                        intOption("replays", Math.max(1, count / recorded.numbers().size())), recorded::keys);
        double ceiling = db == null || options.containsKey("skip-insert-ceiling") ? Double.NaN
                : InsertCeiling.measure(db, "postgres", "", pool, clients, Math.max(count, 20_000));

        System.out.printf("%n== Results (load generator and app share %d cores; load after: %s) ==%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println(submit.summary());
        System.out.printf("  appeals accepted (answered 2xx) %d of %d sent; completed (triage decision recorded) %d;"
                + " triage backlog drained %.1f s after the last submit answer%n", measured.size(), submit.count(),
                completed, drainSeconds);
        // Triage runs after the answer; what the machine sustains is answered AND triaged per second.
        System.out.printf("  end to end (answered, classified, routed, duplicates checked): %.1f appeals/s%n",
                submit.count() / (submit.seconds() + drainSeconds));
        double perAppeal = (cpuUsed.appSeconds() + cpuUsed.postgresSeconds()) / submit.count();
        if (inJvm) {
            if (traceSql) {
                System.out.printf("  statements per appeal (the app's data source, submit phase and triage): %.1f"
                        + " executed, %.1f rows in batches, %.1f commits%n", (double) sqlUsed.statements() / submit.count(),
                        (double) sqlUsed.batchedRows() / submit.count(), (double) sqlUsed.commits() / submit.count());
                System.out.println("  statements per appeal by kind (verb and first table):");
                kindsUsed.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(
                        k -> System.out.printf("    %6.2f  %s%n", (double) k.getValue() / submit.count(), k.getKey()));
            } else {
                System.out.println("  statements per appeal: not counted (--no-sql-trace)");
            }
            System.out.printf("  CPU per appeal, intake + triage: app %.2f ms (target <= 8 ms) + PostgreSQL backends"
                    + " %.2f ms = %.2f ms -> %d quiet cores could sustain at most %.0f appeals/s end to end;"
                    + " load generator (same JVM, not counted) %.2f ms%n",
                    1000 * cpuUsed.appSeconds() / submit.count(), 1000 * cpuUsed.postgresSeconds() / submit.count(),
                    1000 * perAppeal, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() / perAppeal,
                    1000 * cpuUsed.generatorSeconds() / submit.count());
            System.out.print("  the JVM's CPU per appeal by kind of thread (live threads, digits as #):\n"
                    + CpuMeter.threadKindsPerAppeal(threadsBefore, threadsAfter, submit.count(), 14));
        }
        readFigures.forEach(r -> System.out.println(r.summary()));
        if (open != null) {
            System.out.println(open.summary() + "   (latency from the intended send time)");
        }
        if (db != null) {
            triageCheck(db);
            if (replayed != null) {
                System.out.printf("ceiling of the app's own SQL (%d appeals' JDBC calls, %d statements, replayed without"
                        + " the app, %d threads, Hikari pool %d): %.0f appeals/s, %d failed calls%s%n",
                        recorded.numbers().size(), recorded.statements(), clients, pool, replayed.appealsPerSecond(),
                        replayed.failures(), replayed.firstFailure() == null ? "" : " (first: "
                                + replayed.firstFailure() + ")");
                System.out.printf("intake (closed loop) / that ceiling = %.1f %% (target >= 50 %%: %s); end to end /"
                        + " ceiling = %.1f %%%n", 100 * submit.perSecond() / replayed.appealsPerSecond(),
                        submit.perSecond() >= replayed.appealsPerSecond() / 2 ? "MET" : "NOT MET",
                        100 * submit.count() / (submit.seconds() + drainSeconds) / replayed.appealsPerSecond());
            }
            if (!Double.isNaN(ceiling)) {
                System.out.printf("raw single-row INSERT ceiling: %.0f rows/s (%d threads, Hikari pool %d)%n",
                        ceiling, clients, pool);
                System.out.printf("submit / ceiling = %.1f %%%n", 100 * submit.perSecond() / ceiling);
            }
        }
        System.out.printf("%ntargets: >= 1000 appeals/s: %s (%.0f) | p99 < 100 ms at %d/s: %s (%.1f ms) | >= 25 %% of ceiling: %s%n",
                submit.perSecond() >= 1000 ? "MET" : "NOT MET", submit.perSecond(), rate,
                open == null ? "n/a" : open.p99() < 100 ? "MET" : "NOT MET", open == null ? Double.NaN : open.p99(),
                Double.isNaN(ceiling) ? "n/a" : (submit.perSecond() / ceiling >= 0.25 ? "MET" : "NOT MET"));
        httpPool.shutdownNow();
        if (app != null) {
            app.close();
        }
    }

    /** A routing model in service, copied from an earlier run's database into a fresh one before any triage. */
    private record StoredModel(String version, java.sql.Timestamp createdAt, int trainingSize, byte[] model) {

        static StoredModel read(String database) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres",
                    ""); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select version, created_at, training_size, model from triage_model"
                            + " where active = true")) {
                if (!r.next()) {
                    throw new IllegalStateException(database + " has no routing model in service");
                }
                return new StoredModel(r.getString(1), r.getTimestamp(2), r.getInt(3), r.getBytes(4));
            }
        }

        void store(String db) throws Exception {
            try (Connection c = DriverManager.getConnection(db, "postgres", "");
                    java.sql.PreparedStatement s = c.prepareStatement("insert into triage_model (version, created_at,"
                            + " training_size, active, model) values (?, ?, ?, true, ?)")) {
                s.setString(1, version);
                s.setTimestamp(2, createdAt);
                s.setInt(3, trainingSize);
                s.setBytes(4, model);
                s.executeUpdate();
            }
            System.out.printf("routing model %s copied from an earlier run (no training in the warm-up)%n", version);
        }
    }

    /** What the app's data source saw while some appeals were served end to end, one at a time. */
    private record Recorded(List<List<SqlTrace.Call>> borrows, List<String> numbers, List<String> refs,
            long statements) {

        /**
         * Replay k's keys: the numbers' serial part becomes 9 followed by the replay's own five digits (same width,
         * beyond any day's real count), the channel references new ones that contain no recorded one.
         */
        Map<String, String> keys(int k) {
            Map<String, String> keys = new HashMap<>();
            for (int j = 0; j < numbers.size(); j++) {
                String n = numbers.get(j);
                keys.put(n, n.substring(0, n.length() - 6) + "9%05d".formatted(k * numbers.size() + j));
                keys.put(refs.get(j), "rp" + k + "x" + j);
            }
            return keys;
        }
    }

    /**
     * Records the app's JDBC calls while a few appeals are answered and triaged, one client, then waits for the
     * publications: the whole work of those appeals, with what the app does meanwhile in the background.
     */
    private Recorded record(LoadClient client, String db) throws Exception {
        awaitEventsDone(db);
        numbers.clear();
        int from = sequence.get();
        SqlTrace.APP.startRecording();
        SqlTrace.Counts before = SqlTrace.APP.counts();
        closedLoop(client, "recorded", 1, 20, 3_600);
        awaitEventsDone(db);
        long statements = SqlTrace.APP.counts().minus(before).statements();
        List<List<SqlTrace.Call>> borrows = SqlTrace.APP.stopRecording();
        List<String> refs = new ArrayList<>();
        for (int i = from; i < sequence.get(); i++) {
            refs.add(LoadClient.ref(run, i));
        }
        return new Recorded(borrows, new ArrayList<>(numbers), refs, statements);
    }

    /** K clients, each sending its next appeal as soon as the previous one is answered. */
    private Latencies closedLoop(LoadClient client, String name, int clients, int count, long seconds)
            throws InterruptedException {
        Latencies latencies = new Latencies(name, count);
        AtomicInteger left = new AtomicInteger(count);
        long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService workers = Executors.newFixedThreadPool(clients, CpuMeter.GENERATOR);
        for (int k = 0; k < clients; k++) {
            workers.submit(() -> {
                while (System.nanoTime() < stopAt && left.getAndDecrement() > 0) {
                    int i = sequence.getAndIncrement();
                    var request = client.appeal(run, i, texts.get(i));
                    long start = System.nanoTime();
                    LoadClient.Answer a = client.send(request);
                    latencies.record(start, System.nanoTime(), a.ok());
                    remember(a);
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        if (!name.equals("warm-up")) {
            System.out.println(latencies.summary());
        }
        return latencies;
    }

    /**
     * Sends on a fixed timetable whatever the answers do, asynchronously, and measures each request from the time it
     * was due to be sent, so a stall shows in the latencies instead of silently slowing the sender down.
     */
    private Latencies openLoop(LoadClient client, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        Latencies latencies = new Latencies("submit at " + rate + "/s (open)", total);
        CountDownLatch done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        for (int n = 0; n < total; n++) {
            long intended = start + n * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int i = sequence.getAndIncrement();
            client.sendAsync(client.appeal(run, i, texts.get(i))).whenComplete((a, e) -> {
                latencies.record(intended, System.nanoTime(), a != null && a.ok());
                if (a != null) {
                    remember(a);
                }
                done.countDown();
            });
        }
        done.await(5, TimeUnit.MINUTES);
        return latencies;
    }

    private void remember(LoadClient.Answer a) {
        if (a.ok() && a.number() != null) {
            numbers.add(a.number());
        } else if (!a.ok()) {
            System.err.println("submit failed: " + a.status() + " " + a.body().substring(0, Math.min(200, a.body().length())));
        }
    }

    /** The main staff reads: a department's case list, a case's page data, and the leader's statistics. */
    private List<Latencies> reads(LoadClient client, String token, int clients, int reads) throws Exception {
        List<String> known = new ArrayList<>(numbers);
        String departments = client.send(client.get("/api/v1/directory/departments", token)).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)[^}]*\"code\"\\s*:\\s*\"ZJJ\"")
                .matcher(departments);
        String department = m.find() ? m.group(1) : "1";
        client.pageLogin(options.getOrDefault("user", "leader"), "civic-demo");
        Latencies list = new Latencies("read: department list", reads);
        Latencies detail = new Latencies("read: case detail", reads);
        Latencies stats = new Latencies("read: dashboard data", reads);
        AtomicInteger left = new AtomicInteger(reads * 3);
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        for (int k = 0; k < clients; k++) {
            workers.submit(() -> {
                for (int n = left.getAndDecrement(); n > 0; n = left.getAndDecrement()) {
                    Latencies target;
                    java.net.http.HttpRequest r;
                    switch (n % 3) {
                        case 0 -> {
                            target = list;
                            r = client.get("/api/v1/cases?departmentId=" + department + "&size=20", token);
                        }
                        case 1 -> {
                            target = detail;
                            r = client.get("/api/v1/cases/" + known.get(n % known.size()), token);
                        }
                        default -> {
                            target = stats;
                            r = client.get("/dashboard/data", null);
                        }
                    }
                    long start = System.nanoTime();
                    LoadClient.Answer a = target == stats ? client.sendPage(r) : client.send(r);
                    target.record(start, System.nanoTime(), a.ok());
                    if (!a.ok() && target.errors() == 1) {
                        System.err.println("read failed: " + r.uri() + " -> " + a.status() + " "
                                + a.body().substring(0, Math.min(200, a.body().length())));
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        return List.of(list, detail, stats);
    }

    /** Waits until every event publication of the run is complete, i.e. triage and notification have run. */
    private void awaitEventsDone(String db) throws Exception {
        long end = System.currentTimeMillis() + drainLimitSeconds * 1000;
        while (System.currentTimeMillis() < end) {
            // A server shared with other work may refuse a connection for a while (max_connections): try again.
            try (Connection c = DriverManager.getConnection(db, "postgres", "")) {
                while (System.currentTimeMillis() < end) {
                    if (scalar(c, "select count(*) from event_publication where completion_date is null") == 0) {
                        return;
                    }
                    Thread.sleep(200);
                }
            } catch (java.sql.SQLException refused) {
                System.out.println("!! waiting for a connection: " + refused.getMessage());
                Thread.sleep(2_000);
            }
        }
        System.out.printf("!! event publications still incomplete after %d s%n", drainLimitSeconds);
    }

    private void triageCheck(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "")) {
            String mine = "from cases_case where external_ref like '" + run + "-%'";
            long cases = scalar(c, "select count(*) " + mine);
            long triaged = scalar(c, "select count(*) from triage_decision d join cases_case k on k.number = d.case_number "
                    + "where k.external_ref like '" + run + "-%'");
            long queued = scalar(c, "select count(*) from triage_decision s join cases_case k on "
                    + "k.number = s.case_number where s.suggestions is not null and k.external_ref like '" + run + "-%'");
            StringBuilder statuses = new StringBuilder();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select status, count(*) " + mine + " group by status order by 2 desc")) {
                while (r.next()) {
                    statuses.append(r.getString(1)).append('=').append(r.getLong(2)).append(' ');
                }
            }
            long timers = scalar(c, "select count(*) from scheduled_tasks");
            System.out.printf("triage check: %d cases of this run, %d with a triage decision, %d with suggestions; "
                    + "statuses %s; %d deadline timers scheduled; %d answered 2xx by the client%n", cases, triaged,
                    queued, statuses.toString().strip(), timers, 0L + new java.util.HashSet<>(numbers).size());
        }
    }

    /** How many of these cases have their triage decision. */
    private static long triaged(String db, List<String> cases) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "");
                java.sql.PreparedStatement s = c.prepareStatement(
                        "select count(*) from triage_decision where case_number = any (?)")) {
            s.setArray(1, c.createArrayOf("varchar", cases.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    /**
     * Every id the database hands out from here on is at least a million: the replay follows the ids read back
     * from 1,000 up only (smaller numbers read back are counts and versions), so a short run on a fresh database
     * would otherwise replay its own case ids and collide.
     */
    private static void raiseSequences(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("select setval(oid::regclass, greatest(1000000, nextval(oid::regclass))) from pg_class"
                    + " where relkind = 'S'");
        }
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String freshDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    static ConfigurableApplicationContext start(String db, int pool, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + db, "--spring.datasource.hikari.maximum-pool-size=" + pool,
                "--server.port=0", "--civicloop.demo.seed-cases=false",
                "--civicloop.security.rate-limit.enabled=false", "--civicloop.cases.tracking-secret=load-benchmark-tracking-secret-0123456789",
                // production settings want the audit chain's key from outside the database
                "--civicloop.security.audit.key=load-benchmark-audit-chain-key-0123456789abcdef",
                // A triage backlog older than the resubmission threshold (2 min) on a machine loaded by other work
                // would have its publications resubmitted and triaged twice: recovery work, not an appeal's.
                "--civicloop.events.resubmit-after=PT1H",
                // The log channel writes two lines per appeal; a real district sends them to its SMS gateway.
                "--logging.level.cn.civicloop.notify.internal.LoggingResidentChannel=WARN"));
        args.addAll(List.of(more));
        SpringApplicationBuilder app = new SpringApplicationBuilder(CivicLoopApplication.class);
        if (traceSql) {
            app.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                // Counts the app's statements and records them on demand (SqlTrace).
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource") ? SqlTrace.APP.wrap(ds) : bean;
                }
            }));
        }
        return app.run(args.toArray(String[]::new));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }
}
