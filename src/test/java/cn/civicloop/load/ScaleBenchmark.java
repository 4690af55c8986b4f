package cn.civicloop.load;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseStatistics;
import cn.civicloop.cases.DayFigures;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * The staff pages and APIs over years of history (a command, not a test): fills a PostgreSQL database of its own
 * with N generated cases ({@link HistoryGenerator}; reused when it already holds them), starts the application on
 * it in this JVM, and measures each read a district's staff make with 1 and 4 concurrent viewers, printing p50/p95.
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.load.ScaleBenchmark \
 *     -Dexec.args="--cases=1000000"
 * </pre>
 * Options: {@code --cases=N} (default 100000), {@code --db=NAME} (default civicloop_scale_N, created on
 * 127.0.0.1:5432 as user postgres when missing), {@code --viewers=1,4,20}, {@code --requests=40} per viewer and read,
 * {@code --chunk=100000} cases per generation statement, {@code --years=2}, {@code --intake=50} appeals per second
 * submitted during every read (default 0: none), their p50 / p99 printed after each cell, {@code --only=dashboard,…}
 * the reads whose name contains one of these words, {@code --vacuum=false} no {@code vacuum analyze} before measuring,
 * {@code --rebuild=true} the daily figures rebuilt even when no case is generated (a generation cut short),
 * {@code --index-scans=true} after each read the indexes of {@code cases_case} it walked (11 s more a read),
 * {@code --archive-after=P66D} the archive of old steps run first over the cases ended longer ago than that (ADR 0065;
 * the generated history's newest 9 % hold its open cases, so P66D packs nearly all the others): bytes per case before
 * and after (the timeline compacted once, {@code vacuum full}), cases packed per second, what the dictionary gains,
 * the read of a case's steps packed and not, and the case page and steps API of packed and unpacked cases among the
 * reads. Without it the archive never runs ({@code civicloop.cases.archive-after} a hundred years), so that the
 * other figures stay comparable with earlier runs.
 */
public final class ScaleBenchmark {

    private final Map<String, String> options;

    private ScaleBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Map<String, String> options = new HashMap<>();
        for (String a : args.length == 1 ? args[0].split("\\s+") : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new ScaleBenchmark(options).run();
        System.exit(0);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        int n = intOption("cases", 100_000);
        String db = options.getOrDefault("db", "civicloop_scale_" + n);
        String url = database(db);
        ConfigurableApplicationContext app = LoadBenchmark.start(url, 20,
                "--civicloop.cases.personal-data-retention-days=36500",
                // the generated history is two years old: no archive of old steps unless --archive-after asks for it
                "--civicloop.cases.archive-after=P36500D",
                "--civicloop.security.audit.key=scale-benchmark-audit-key-0123456789abcdef",
                "--server.servlet.session.cookie.secure=false"); // plain http on the loopback: the cookie must travel
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long existing = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
            if (existing < n || "true".equals(options.get("rebuild"))) {
                if (existing < n) {
                    long t0 = System.nanoTime();
                    new HistoryGenerator(jdbc, app.getBean(PersonalDataCipher.class),
                            app.getBean(Clock.class).instant(), Duration.ofDays(365L * intOption("years", 2)))
                            .generate(n, intOption("chunk", 100_000));
                    System.out.printf("generated %,d cases in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
                }
                // written straight into the tables, without the events that keep the daily figures
                long t1 = System.nanoTime();
                int read = app.getBean(DayFigures.class).rebuild(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
                System.out.printf("daily figures rebuilt from %,d cases in %.0f s%n", read,
                        (System.nanoTime() - t1) / 1e9);
            }
            completedPublicationsRetained(app, jdbc, url);
            outboxesRetained(app, jdbc, url);
            // by default always: a migration may just have rewritten every row (V93.1), leaving dead rows and no
            // statistics; --vacuum=false for a database a run of this version has just vacuumed
            if (!"false".equals(options.get("vacuum"))) {
                System.out.println("vacuum analyze …");
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                        Statement s = c.createStatement()) {
                    s.execute("vacuum analyze");
                }
            }
            boolean archived = options.containsKey("archive-after");
            if (archived) {
                archiveSteps(app, jdbc, url, Duration.parse(options.get("archive-after")));
            }
            measure(app, jdbc, n, archived);
        } finally {
            app.close();
        }
    }

    private void measure(ConfigurableApplicationContext app, JdbcClient jdbc, int n, boolean archived)
            throws Exception {
        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        String base = "http://127.0.0.1:" + port;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        LoadClient leader = new LoadClient(base, pool);
        LoadClient handler = new LoadClient(base, pool);
        String leaderToken = leader.token("leader", "civic-demo");
        String handlerToken = handler.token("zfj", "civic-demo");
        leader.pageLogin("leader", "civic-demo");
        handler.pageLogin("zfj", "civic-demo");
        long zfj = jdbc.sql("select id from directory_department where code = 'ZFJ'").query(Long.class).single();
        String street = jdbc.sql("select street_code from cases_case where street_code is not null limit 1")
                .query(String.class).single();
        List<String> numbers = jdbc.sql("select number from cases_case where id % 997 = 0").query(String.class).list();
        CaseStatistics statistics = app.getBean(CaseStatistics.class);
        Clock clock = app.getBean(Clock.class);
        long size = jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
        long cases = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
        System.out.printf("%n%,d cases, database %,d MB (%,d bytes per case); load average %s%n", cases,
                size >> 20, size / Math.max(1, cases), loadAverage());
        storage(jdbc, cases);

        Random random = new Random(20);
        Map<String, IntFunction<Boolean>> reads = new LinkedHashMap<>();
        reads.put("/dashboard (leader)", i -> leader.sendPage(leader.get("/dashboard", null)).ok());
        reads.put("/dashboard/data", i -> leader.sendPage(leader.get("/dashboard/data", null)).ok());
        reads.put("statistics uncached", i -> {
            Instant now = clock.instant();
            statistics.kpis(now);
            statistics.loadByDepartment(now);
            statistics.loadByStreet(now);
            statistics.trend(now, 30);
            statistics.openPoints(now, 2000);
            statistics.intakeByChannel(java.time.LocalDate.now(cn.civicloop.shared.DistrictTime.ZONE));
            return true;
        });
        reads.put("dept all, API (handler)", i -> handler.send(handler.get("/api/v1/cases?size=20", handlerToken)).ok());
        reads.put("dept all, page (handler)", i -> handler.sendPage(handler.get("/workbench/cases?queue=all", null)).ok());
        reads.put("dept filter, API (leader)",
                i -> leader.send(leader.get("/api/v1/cases?size=20&departmentId=" + zfj, leaderToken)).ok());
        reads.put("street filter, API", i -> leader.send(leader.get("/api/v1/cases?size=20&street=" + street,
                leaderToken)).ok());
        reads.put("q=噪音, API", i -> leader.send(leader.get("/api/v1/cases?size=20&q=%E5%99%AA%E9%9F%B3",
                leaderToken)).ok());
        reads.put("number search, API", i -> leader.send(leader.get("/api/v1/cases?q="
                + numbers.get(random.nextInt(numbers.size())), leaderToken)).ok());
        reads.put("phone search, API", i -> leader.send(leader.get("/api/v1/cases?q="
                + HistoryGenerator.phone(random.nextInt(HistoryGenerator.PHONES)), leaderToken)).ok());
        reads.put("case page", i -> leader.sendPage(leader.get("/workbench/cases/"
                + numbers.get(random.nextInt(numbers.size())), null)).ok());
        if (archived) {
            List<String> packed = jdbc.sql("""
                    select c.number from cases_case c join cases_timeline_packed p on p.case_id = c.id
                    where c.id % 97 = 0""").query(String.class).list();
            List<String> unpacked = jdbc.sql("""
                    select c.number from cases_case c where c.id % 97 = 0
                      and exists (select 1 from cases_timeline t where t.case_id = c.id)""").query(String.class).list();
            reads.put("case page, packed", i -> leader.sendPage(leader.get("/workbench/cases/"
                    + packed.get(random.nextInt(packed.size())), null)).ok());
            reads.put("case page, not packed", i -> leader.sendPage(leader.get("/workbench/cases/"
                    + unpacked.get(random.nextInt(unpacked.size())), null)).ok());
            reads.put("steps API, packed", i -> leader.send(leader.get("/api/v1/cases/"
                    + packed.get(random.nextInt(packed.size())) + "/timeline", leaderToken)).ok());
            reads.put("steps API, not packed", i -> leader.send(leader.get("/api/v1/cases/"
                    + unpacked.get(random.nextInt(unpacked.size())) + "/timeline", leaderToken)).ok());
        }

        int requests = intOption("requests", 40);
        int intakeRate = intOption("intake", 0);
        BackgroundIntake intake = intakeRate == 0 ? null
                : new BackgroundIntake(new LoadClient(base, pool), AppealTexts.read(AppealTexts.DEFAULT), intakeRate);
        if (intake != null) {
            System.out.printf("intake at %d appeals/s during every read (open loop; p50 / p99 after each cell)%n",
                    intakeRate);
        }
        List<Integer> viewers = java.util.Arrays.stream(options.getOrDefault("viewers", "1,4,20").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        System.out.printf("%-28s", "read (ms)");
        viewers.forEach(v -> System.out.printf("  %4d viewer%s p50 / p95 (req/s)", v, v == 1 ? " " : "s"));
        System.out.println();
        List<String> only = options.containsKey("only") ? List.of(options.get("only").split(",")) : List.of("");
        boolean indexScans = "true".equals(options.get("index-scans"));
        Map<String, Long> scans = indexScans ? indexScans(jdbc) : Map.of();
        for (var read : reads.entrySet()) {
            if (only.stream().noneMatch(read.getKey()::contains)) {
                continue;
            }
            for (int w = 0; w < 5; w++) {
                read.getValue().apply(w); // warm-up: plans cached, pages compiled
            }
            if (intake != null) {
                intake.window();
            }
            System.out.printf("%-28s", read.getKey());
            for (int v : viewers) {
                Latencies l = new Latencies(read.getKey(), v * requests);
                ExecutorService threads = Executors.newFixedThreadPool(v);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < v; t++) {
                    done.add(threads.submit(() -> {
                        for (int r = 0; r < requests; r++) {
                            long s = System.nanoTime();
                            boolean ok = read.getValue().apply(r);
                            l.record(s, System.nanoTime(), ok);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                threads.shutdown();
                System.out.printf("  %8.1f / %8.1f (%6.1f)%s", l.percentile(50), l.percentile(95), l.perSecond(),
                        l.errors() > 0 ? " ERR " + l.errors() : "");
                if (intake != null) {
                    Latencies in = intake.window();
                    System.out.printf(" [intake %.0f / %.0f%s]", in.percentile(50), in.p99(),
                            in.errors() > 0 ? " ERR " + in.errors() : "");
                }
            }
            System.out.println();
            if (indexScans) {
                scans = printIndexScans(jdbc, scans);
            }
        }
        if (intake != null) {
            intake.close();
            System.out.printf("intake: %,d appeals sent%n", intake.sent());
        }
        System.out.println("load average after: " + loadAverage());
        pool.shutdownNow();
    }

    /**
     * The archive of old steps over the generated history (ADR 0065): the storage before, the archive run to its end
     * (every case ended before the cut-off, 500 a batch, each in its own transaction, as the task does), the timeline
     * compacted once as an operator would after the first runs ({@code vacuum full}), what the dictionary gains and
     * the read of a case's steps packed and not; the storage after is the measurement's own.
     */
    private static void archiveSteps(ConfigurableApplicationContext app, JdbcClient jdbc, String url, Duration after)
            throws Exception {
        long cases = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
        Instant cutoff = app.getBean(Clock.class).instant().minus(after);
        long size = jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
        System.out.printf("%nbefore the archive of old steps: %,d cases, database %,d MB (%,d bytes per case); "
                + "load average %s%n", cases, size >> 20, size / Math.max(1, cases), loadAverage());
        storage(jdbc, cases);
        String ended = "c.status in ('CLOSED', 'DECLINED', 'VOIDED') and c.closed_at < ?";
        long due = jdbc.sql("select count(*) from cases_case c where " + ended
                + " and exists (select 1 from cases_timeline t where t.case_id = c.id)").param(Timestamp.from(cutoff))
                .query(Long.class).single();
        long steps = jdbc.sql("select count(*) from cases_timeline t join cases_case c on c.id = t.case_id where "
                + ended).param(Timestamp.from(cutoff)).query(Long.class).single();
        long t0 = System.nanoTime();
        int packed = cn.civicloop.cases.internal.StepArchiveMeasure.archive(app, cutoff);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("packed the steps of %,d cases (%,d due, %,d steps) ended before %s (--archive-after=%s) "
                + "in %.1f s: %.0f cases/s; load average %s%n", packed, due, steps, cutoff, after, seconds,
                packed / seconds, loadAverage());
        long t1 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("vacuum full analyze cases_timeline");
            s.execute("vacuum analyze cases_timeline_packed");
        }
        System.out.printf("vacuum full analyze cases_timeline in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        long[] gain = cn.civicloop.cases.internal.StepArchiveMeasure.dictionaryGain(jdbc, 10_000);
        long sampled = jdbc.sql("select count(*) from (select 1 from cases_timeline_packed limit 10000) s")
                .query(Long.class).single();
        System.out.printf("packed steps of %,d cases (%.1f steps each), bytes a case: serialized %d, deflated %d, "
                + "deflated with the dictionary %d%n", sampled, (double) gain[3] / Math.max(1, sampled),
                gain[0] / Math.max(1, sampled), gain[1] / Math.max(1, sampled), gain[2] / Math.max(1, sampled));
        List<Long> packedIds = jdbc.sql("select case_id from cases_timeline_packed where case_id % 97 = 0 limit 300")
                .query(Long.class).list();
        List<Long> hotIds = jdbc.sql("select distinct case_id from cases_timeline where case_id % 97 = 0 limit 300")
                .query(Long.class).list();
        for (int warm = 0; warm < 3; warm++) {
            cn.civicloop.cases.internal.StepArchiveMeasure.readMicros(app, packedIds, 1);
            cn.civicloop.cases.internal.StepArchiveMeasure.readMicros(app, hotIds, 1);
        }
        double[] p = cn.civicloop.cases.internal.StepArchiveMeasure.readMicros(app, packedIds, 5);
        double[] h = cn.civicloop.cases.internal.StepArchiveMeasure.readMicros(app, hotIds, 5);
        System.out.printf("Timeline.of, µs p50 / p95: packed %.0f / %.0f (%d cases), not packed %.0f / %.0f (%d cases);"
                + " load average %s%n", p[0], p[1], packedIds.size(), h[0], h[1], hotIds.size(), loadAverage());
    }

    /**
     * The generator writes two years of completed event publications at once; a working database keeps only those of
     * the retention ({@code civicloop.events.completed-retention}, 7 days): the application's own retention task is
     * run now (it ran at the start, before the generation) and waited for, and the table compacted once, as after the
     * first run on a database that had kept them all.
     */
    private static void completedPublicationsRetained(ConfigurableApplicationContext app, JdbcClient jdbc, String url)
            throws Exception {
        String old = "select count(*) from event_publication where completion_date < now() - interval '8 days'";
        if (jdbc.sql(old).query(Long.class).single() == 0) {
            return;
        }
        long t0 = System.nanoTime();
        runUntilNoneLeft(app, jdbc, old, "event-publication-retention");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("vacuum full event_publication");
        }
        System.out.printf("completed event publications past the retention deleted (and the table compacted) in %.0f s%n",
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Runs the retention tasks now and again until {@code left} counts no row (at most 30 minutes): a run deletes at
     * most {@code Retention.MAX_BATCHES} statements' worth and leaves the rest to its next run, an hour later, so each
     * time a task is idle while rows are left it is made due again.
     */
    private static void runUntilNoneLeft(ConfigurableApplicationContext app, JdbcClient jdbc, String left,
            String... tasks) throws InterruptedException {
        var scheduler = app.getBean(com.github.kagkarlsson.scheduler.SchedulerClient.class);
        long t0 = System.nanoTime();
        while (jdbc.sql(left).query(Long.class).single() > 0 && System.nanoTime() - t0 < 1_800_000_000_000L) {
            for (String task : tasks) {
                boolean idle = jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and picked = false")
                        .param(task).query(Long.class).single() == 1;
                if (idle) {
                    try {
                        scheduler.reschedule(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(task,
                                "recurring"), Instant.now());
                    } catch (RuntimeException startedMeanwhile) {
                        // it was picked between the two statements: the next turn looks again
                    }
                }
            }
            Thread.sleep(2_000);
        }
    }

    /**
     * The two outboxes as two years leave them without a retention, then as the application's retention tasks leave
     * them (ADR 0064: sent messages and delivered webhooks older than 180 days deleted): rows and bytes per case of
     * each, before and after, the tables compacted once as after the first run on a database that had kept them all.
     */
    private static void outboxesRetained(ConfigurableApplicationContext app, JdbcClient jdbc, String url)
            throws Exception {
        String old = """
                select (select count(*) from notify_outbox where status = 'SENT' and sent_at < now() - interval '181 days')
                     + (select count(*) from partner_delivery where status = 'DELIVERED'
                        and delivered_at < now() - interval '181 days')""";
        outboxSizes(jdbc, "outboxes before the retention");
        if (jdbc.sql(old).query(Long.class).single() == 0) {
            return;
        }
        long t0 = System.nanoTime();
        runUntilNoneLeft(app, jdbc, old, "notify-outbox-retention", "partner-webhook-retention");
        System.out.printf("sent messages and delivered webhooks past the retention deleted in %.0f s (load average %s)%n",
                (System.nanoTime() - t0) / 1e9, loadAverage());
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("vacuum full analyze notify_outbox");
            s.execute("vacuum full analyze partner_delivery");
        }
        outboxSizes(jdbc, "outboxes after the retention (compacted)");
    }

    private static void outboxSizes(JdbcClient jdbc, String title) {
        long cases = Math.max(1, jdbc.sql("select count(*) from cases_case").query(Long.class).single());
        System.out.printf("%s (load average %s)%n  table (with indexes and TOAST)     rows per case   bytes per case%n",
                title, loadAverage());
        for (String table : List.of("notify_outbox", "partner_delivery")) {
            long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
            long bytes = jdbc.sql("select pg_total_relation_size('" + table + "')").query(Long.class).single();
            System.out.printf("  %-32s %10.2f %12d%n", table, (double) rows / cases, bytes / cases);
        }
    }

    /**
     * The biggest tables with their indexes (a partitioned table with its partitions), the cases' tables per case, and
     * each index of the cases' tables (a partitioned table's per partition).
     */
    private static void storage(JdbcClient jdbc, long cases) {
        System.out.println("table (with indexes and TOAST)            MB   bytes per case");
        long caseTables = 0;
        for (var t : jdbc.sql("""
                select c.relname, coalesce((select sum(pg_total_relation_size(p.relid)) from pg_partition_tree(c.oid) p),
                    pg_total_relation_size(c.oid))
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and n.nspname = current_schema() and not c.relispartition
                order by 2 desc limit 14""").query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()) {
            System.out.printf("  %-36s %8d %8d%n", t.getKey(), t.getValue() >> 20, t.getValue() / Math.max(1, cases));
            if (t.getKey().startsWith("cases_")) {
                caseTables += t.getValue();
            }
        }
        System.out.printf("  the cases' tables above: %,d bytes per case%n", caseTables / Math.max(1, cases));
        System.out.println("index of the cases' tables                 MB   bytes per case");
        for (var t : jdbc.sql("""
                select c.relname, pg_relation_size(c.oid) from pg_index i join pg_class c on c.oid = i.indexrelid
                join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = current_schema() and (t.relname like 'cases\\_%' or t.relname like 'triage\\_%'
                    or t.relname = 'event_publication') and pg_relation_size(c.oid) > 1048576
                order by 2 desc""").query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()) {
            System.out.printf("  %-36s %8d %8d%n", t.getKey(), t.getValue() >> 20, t.getValue() / Math.max(1, cases));
        }
        System.out.print("widest columns of cases_case (average bytes):");
        jdbc.sql("""
                select attname, avg_width from pg_stats where schemaname = current_schema() and tablename = 'cases_case'
                order by avg_width desc limit 6""").query((rs, i) -> rs.getString(1) + " " + rs.getInt(2)).list()
                .forEach(c -> System.out.print("  " + c));
        System.out.println();
    }

    /** The scans of each index of {@code cases_case} so far ({@code pg_stat_user_indexes}). */
    private static Map<String, Long> indexScans(JdbcClient jdbc) {
        Map<String, Long> scans = new LinkedHashMap<>();
        jdbc.sql("select indexrelname, idx_scan from pg_stat_user_indexes where relname = 'cases_case' order by 1")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> scans.put(e.getKey(), e.getValue()));
        return scans;
    }

    /**
     * The indexes of {@code cases_case} the read just measured walked (their scans since {@code before}), which says
     * which read needs which index. A backend reports its statistics when idle, at the latest after 10 s (PostgreSQL
     * 15): hence the wait.
     */
    private static Map<String, Long> printIndexScans(JdbcClient jdbc, Map<String, Long> before) throws InterruptedException {
        Thread.sleep(11_000);
        Map<String, Long> now = indexScans(jdbc);
        StringBuilder used = new StringBuilder();
        now.forEach((index, n) -> {
            long d = n - before.getOrDefault(index, 0L);
            if (d > 0) {
                used.append("  ").append(index).append(' ').append(d);
            }
        });
        System.out.println("    index scans of cases_case:" + (used.isEmpty() ? "  none" : used));
        return now;
    }

    /** The JDBC URL of {@code name} on the local server, created when missing (never dropped: it is reused). */
    private static String database(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from pg_database where datname = '" + name + "'")) {
            r.next();
            if (r.getLong(1) == 0) {
                s.execute("create database " + name);
            }
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }
}
