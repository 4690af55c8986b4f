package cn.civicloop.evaluation.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;

/**
 * How long one month's figures take on a year of generated facts in PostgreSQL: every indicator for every subject of
 * every kind (the aggregate a draft is made of), and the drill-down's p95. Not a test: figures, not assertions.
 * Needs an empty database of its own (the schema is migrated by Flyway, the facts written with COPY).
 * <pre>
 * psql -h 127.0.0.1 -U postgres -c 'create database civicloop_bench'
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.civicloop.evaluation.internal.EvaluationBenchmark \
 *     -Dexec.args="jdbc:postgresql://127.0.0.1:5432/civicloop_bench 360000"
 * </pre>
 */
public final class EvaluationBenchmark {

    private static final int DEPARTMENTS = 40;
    private static final int STREETS = 11;
    private static final int GRIDS = 240;
    private static final int ROAD_AREAS = 16;
    /** The shipped targets to scene per priority (V350): the generated hits agree with them, as settled ones do. */
    private static final int[] POLICE_TARGETS = {480, 720, 1200, 1800};

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/civicloop_bench";
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 360_000;
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(System.getenv().getOrDefault("CIVICLOOP_DB_USER", "postgres"));
        pg.setPassword(System.getenv().getOrDefault("CIVICLOOP_DB_PASSWORD", ""));
        // a pool as the application has: timing a new connection per query would measure the log-in, not the query
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setDataSource(pg);
        pool.setMaximumPoolSize(3);
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(pool);
        Flyway.configure().dataSource(pg)
                .placeholders(java.util.Map.of("runtime_role", "")) // no runtime role to grant (afterMigrate)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        long existing = jdbc.sql("select count(*) from evaluation_fact").query(Long.class).single();
        System.out.println("load: " + uptime());
        if (existing == 0) {
            long t0 = System.nanoTime();
            // the indexes are built once after the rows are in: kept up to date row by row, they made COPY crawl
            List<String> rebuild = dropIndexes(jdbc);
            long rows = generate(ds, cases);
            double copied = (System.nanoTime() - t0) / 1e9;
            rebuild(ds, rebuild);
            // VACUUM sets the visibility map (index-only scans), ANALYZE the statistics: autovacuum would, later
            jdbc.sql("vacuum analyze evaluation_fact").update();
            System.out.printf("generated %,d cases → %,d facts in %.1f s (COPY %.1f s, indexes and vacuum %.1f s)%n",
                    cases, rows, (System.nanoTime() - t0) / 1e9, copied, (System.nanoTime() - t0) / 1e9 - copied);
            System.out.println("load: " + uptime());
        } else {
            // statistics a newer migration added (V410) are empty until the table is analysed
            jdbc.sql("analyze evaluation_fact").update();
            System.out.printf("reusing %,d facts%n", existing);
        }
        Clock clock = Clock.systemUTC();
        Indicators indicators = new Indicators(jdbc, new Audit(jdbc, clock), clock, null); // reads only: no change to audit
        Calculator calculator = new Calculator(jdbc, true); // PostgreSQL: the cases' kinds in one scan
        List<Indicator> all = indicators.all();
        Period month = Period.parse("2026-06");
        List<Double> monthTimes = new ArrayList<>();
        int subjects = 0;
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            subjects = 0;
            for (SubjectKind kind : SubjectKind.values()) {
                subjects += calculator.compute(month, kind, all).size();
            }
            if (run > 0) { // the first run warms the caches
                monthTimes.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(monthTimes);
        System.out.printf("one month (%s), one aggregate per kind, %d indicators × %d subjects of %d kinds: median %.0f ms,"
                + " max %.0f ms%n", month.key(), all.size(), subjects, SubjectKind.values().length,
                monthTimes.get(monthTimes.size() / 2), monthTimes.get(monthTimes.size() - 1));
        List<Double> oneScan = new ArrayList<>();
        // in a transaction, as a draft computes it (the JIT setting is the transaction's)
        var computing = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(ds));
        for (int run = 0; run < 4; run++) {
            long t = System.nanoTime();
            subjects = computing.execute(status -> calculator.computeAll(month, all)).values().stream()
                    .mapToInt(List::size).sum();
            oneScan.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(oneScan);
        System.out.printf("one month (%s), the cases' kinds in one scan (grouping sets) + the road kinds, %d subjects:"
                + " median %.0f ms, max %.0f ms%n", month.key(), subjects, oneScan.get(oneScan.size() / 2),
                oneScan.get(oneScan.size() - 1));
        long t = System.nanoTime();
        calculator.compute(Period.parse("2026"), SubjectKind.DEPARTMENT, all);
        System.out.printf("the whole year, departments: %.0f ms%n", (System.nanoTime() - t) / 1e6);
        Snapshots snapshots = new Snapshots(jdbc, new org.springframework.jdbc.core.JdbcTemplate(ds), calculator,
                indicators, new Weights(jdbc, indicators, null, null), new Scoring(properties()),
                new SubjectNames(noDirectory(), noRoadNames(), noIncidents()), new Audit(jdbc, clock), clock,
                new RoadResponses(jdbc, noDirectory(), noRoadNames(), clock),
                new PoliceResponses(jdbc, noIncidents(), clock));
        // one transaction, as the application's @Transactional gives it
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(ds));
        Snapshots.Snapshot draft = null;
        for (int run = 0; run < 3; run++) {
            // the first draft may settle police hits to the targets (a year generated by an older benchmark)
            long draftStart = System.nanoTime();
            draft = tx.execute(status -> snapshots.computeDraft(month, "benchmark"));
            System.out.printf("draft of one month (figures, scores and ranks of every subject written), run %d: %.0f ms"
                    + " (%s)%n", run + 1, (System.nanoTime() - draftStart) / 1e6, uptime());
        }
        PoliceResponses police = new PoliceResponses(jdbc, noIncidents(), clock);
        long phase = System.nanoTime();
        tx.execute(status -> police.settle(month));
        System.out.printf("  of which: police settle %.0f ms", (System.nanoTime() - phase) / 1e6);
        phase = System.nanoTime();
        police.versionFigures(month);
        System.out.printf(", police medians and p90 %.0f ms", (System.nanoTime() - phase) / 1e6);
        phase = System.nanoTime();
        tx.execute(status -> calculator.computeAll(month, all));
        System.out.printf(", figures %.0f ms%n", (System.nanoTime() - phase) / 1e6);
        List<Double> ranking = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long d = System.nanoTime();
            // what the ranking page reads: the period's snapshot, then the scores of one kind, ranked
            Snapshots.Snapshot shown = snapshots.draft(month.key()).orElseThrow();
            snapshots.scores(shown.id(), SubjectKind.values()[i % SubjectKind.values().length]);
            ranking.add((System.nanoTime() - d) / 1e6);
        }
        Collections.sort(ranking);
        System.out.printf("ranking read (snapshot + one kind's scores): p50 %.1f ms, p95 %.1f ms (draft v%d)%n",
                ranking.get(100), ranking.get(190), draft.version());
        Random random = new Random(7);
        List<Double> drill = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Indicator indicator = all.get(random.nextInt(all.size()));
            int term = random.nextInt(indicator.termKeys().size());
            long d = System.nanoTime();
            calculator.rows(month, SubjectKind.DEPARTMENT, String.valueOf(1 + random.nextInt(DEPARTMENTS)), indicator,
                    term, 0, 200);
            drill.add((System.nanoTime() - d) / 1e6);
        }
        Collections.sort(drill);
        System.out.printf("drill-down (a department, one count, first 200 rows): p50 %.1f ms, p95 %.1f ms%n",
                drill.get(100), drill.get(190));
        List<Indicator> road = all.stream().filter(i -> i.appliesTo(SubjectKind.ROAD_AREA)).toList();
        List<Double> roadDrill = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Indicator indicator = road.get(random.nextInt(road.size()));
            int term = random.nextInt(indicator.termKeys().size());
            long d = System.nanoTime();
            calculator.rows(month, SubjectKind.ROAD_AREA, "A" + random.nextInt(ROAD_AREAS), indicator, term, 0, 200);
            roadDrill.add((System.nanoTime() - d) / 1e6);
        }
        Collections.sort(roadDrill);
        System.out.printf("drill-down (a road area, one count, first 200 rows): p50 %.1f ms, p95 %.1f ms%n",
                roadDrill.get(100), roadDrill.get(190));
        List<Double> policeDrill = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long d = System.nanoTime();
            calculator.responseRows(month, "B" + random.nextInt(8), 1 + random.nextInt(4), 0, 200);
            policeDrill.add((System.nanoTime() - d) / 1e6);
        }
        Collections.sort(policeDrill);
        System.out.printf("drill-down (a police block's incidents behind one priority's median, first 200 rows):"
                + " p50 %.1f ms, p95 %.1f ms%n", policeDrill.get(100), policeDrill.get(190));
        System.out.println("load: " + uptime());
    }

    /** The machine's load average, printed beside the figures: other builds share its two cores. */
    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
        } catch (java.io.IOException unavailable) {
            return "unknown";
        }
    }

    /**
     * Builds the indexes on two connections at once, each sorting in memory: with the default maintenance memory a
     * multi-million-row index spilled its sort to disk and the builds ran one after the other.
     */
    private static void rebuild(javax.sql.DataSource ds, List<String> ddls) throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<String> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(ddls);
        java.util.concurrent.ExecutorService builders = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            done.add(builders.submit(() -> {
                try (Connection c = ds.getConnection(); var st = c.createStatement()) {
                    st.execute("set maintenance_work_mem = '1GB'");
                    for (String ddl = queue.poll(); ddl != null; ddl = queue.poll()) {
                        st.execute(ddl);
                    }
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        builders.shutdown();
    }

    /** Drops the fact table's secondary indexes and unique constraint; returns the statements that rebuild them. */
    private static List<String> dropIndexes(JdbcClient jdbc) {
        List<String> rebuild = new ArrayList<>();
        List<String[]> constraints = jdbc.sql("select conname, pg_get_constraintdef(oid) from pg_constraint"
                + " where conrelid = 'evaluation_fact'::regclass and contype = 'u'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] c : constraints) {
            jdbc.sql("alter table evaluation_fact drop constraint " + c[0]).update();
            rebuild.add("alter table evaluation_fact add constraint " + c[0] + " " + c[1]);
        }
        List<String[]> indexes = jdbc.sql("select indexname, indexdef from pg_indexes"
                + " where tablename = 'evaluation_fact' and indexname <> 'evaluation_fact_pkey'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] i : indexes) {
            jdbc.sql("drop index " + i[0]).update();
            rebuild.add(i[1]);
        }
        return rebuild;
    }

    private static EvaluationProperties properties() {
        return new EvaluationProperties(java.time.Duration.ofDays(30), 5, 5, 90, 75, 60, 40, 200);
    }

    /** No directory in the benchmark: every subject is named by its key. */
    private static cn.civicloop.directory.Directory noDirectory() {
        return (cn.civicloop.directory.Directory) java.lang.reflect.Proxy.newProxyInstance(
                EvaluationBenchmark.class.getClassLoader(), new Class<?>[] {cn.civicloop.directory.Directory.class},
                (proxy, method, args) -> method.getReturnType() == java.util.Optional.class
                        ? java.util.Optional.empty() : method.getReturnType() == List.class ? List.of() : null);
    }

    /** No road names in the benchmark either: road areas and chiefs are named by their keys. */
    private static cn.civicloop.roads.RoadNames noRoadNames() {
        return new cn.civicloop.roads.RoadNames() {
            @Override
            public java.util.Map<String, String> areaNames() {
                return java.util.Map.of();
            }

            @Override
            public java.util.Map<Long, String> chiefNames(java.util.Collection<Long> chiefIds) {
                return java.util.Map.of();
            }
        };
    }

    /** No dispatch records: the police facts are generated; every block is named by its code. */
    private static cn.civicloop.dispatch.DispatchRecords noIncidents() {
        return new cn.civicloop.dispatch.DispatchRecords() {
            @Override
            public cn.civicloop.dispatch.RecordedIncidents incidentsReceived(Instant from, Instant to, int limit) {
                return new cn.civicloop.dispatch.RecordedIncidents(from, to, List.of(), false);
            }

            @Override
            public cn.civicloop.dispatch.UnitPlan unitPlan() {
                return new cn.civicloop.dispatch.UnitPlan(Instant.now(), LocalDate.now(), "DAY", "A", 1, List.of());
            }
        };
    }

    /** A year (2026) of cases, each with the facts a closed loop leaves; written with COPY. */
    private static long generate(javax.sql.DataSource ds, int cases) throws Exception {
        // one transaction that empties the table and fills it with COPY FREEZE: the rows are written frozen and the
        // pages all-visible, so the VACUUM after it has nothing to rewrite; the text is made on a thread of its own
        // while the previous chunk is copied
        java.util.concurrent.BlockingQueue<String> chunks = new java.util.concurrent.ArrayBlockingQueue<>(4);
        long[] rows = {0};
        Thread maker = new Thread(() -> {
            try {
                rows[0] = generate(cases, chunks);
                chunks.put("");
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "generate");
        maker.start();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("truncate evaluation_fact");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String chunk = chunks.take(); !chunk.isEmpty(); chunk = chunks.take()) {
                copy.copyIn("copy evaluation_fact (source, case_number, fact, department_id, unit_id, street_code,"
                        + " grid_code, road_area_code, road_chief_id, occurred_at, fact_day, hit, first_dispatch,"
                        + " outcome, police_block_code, priority, response_seconds) from stdin with (freeze)",
                        new StringReader(chunk));
            }
            c.commit();
        }
        maker.join();
        return rows[0];
    }

    private static long generate(int cases, java.util.concurrent.BlockingQueue<String> chunks)
            throws InterruptedException {
        Random r = new Random(20261206L);
        long rows = 0;
        {
            StringBuilder buf = new StringBuilder();
            LocalDate start = LocalDate.of(2026, 1, 1);
            for (int i = 0; i < cases; i++) {
                String n = "B" + i;
                Instant at = start.atStartOfDay().toInstant(ZoneOffset.ofHours(8)).plusSeconds(r.nextInt(365 * 86400));
                int dept = 1 + r.nextInt(DEPARTMENTS);
                String unit = r.nextInt(3) == 0 ? String.valueOf(1000 + dept * 3 + r.nextInt(3)) : "\\N";
                String street = "S" + r.nextInt(STREETS);
                String grid = "G" + r.nextInt(GRIDS);
                String where = dept + "\t" + unit + "\t" + street + "\t" + grid;
                if (r.nextInt(5) == 0) {
                    rows += line(buf, n, "INTAKE", 0, "999\t\\N\t" + street + "\t" + grid, at, true, false, null);
                    continue;
                }
                rows += line(buf, n, "INTAKE", 0, "999\t\\N\t" + street + "\t" + grid, at, false, false, null);
                boolean returned = r.nextInt(20) == 0;
                rows += line(buf, n, "DISPATCH", 0, where, at, !returned, true, returned ? "RETURNED" : null);
                if (returned) {
                    rows += line(buf, n, "DISPATCH", 1, where, at.plusSeconds(3600), true, false, null);
                }
                rows += line(buf, n, "RESPONSE", 0, where, at.plusSeconds(7200), r.nextInt(10) > 0, false, null);
                boolean replied = r.nextInt(20) > 0;
                rows += line(buf, n, "HANDLE", 0, where, at.plusSeconds(5 * 86400), r.nextInt(100) < 85, false,
                        replied ? "REPLIED" : null);
                if (replied) {
                    rows += line(buf, n, "REPLY", 0, where, at.plusSeconds(4 * 86400), r.nextInt(10) == 0, false, null);
                    if (r.nextInt(10) < 7) {
                        int s = r.nextInt(100);
                        String sat = s < 75 ? "SATISFIED" : s < 90 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
                        rows += line(buf, n, "FOLLOW_UP", 0, where, at.plusSeconds(6 * 86400), r.nextInt(100) < 85,
                                false, sat);
                    }
                    rows += line(buf, n, "CLOSED", 0, where, at.plusSeconds(6 * 86400 + 600), r.nextInt(20) == 0,
                            false, null);
                }
                if (r.nextInt(20) == 0) {
                    rows += line(buf, n, "SUPERVISED", 0, where, at.plusSeconds(5 * 86400), true, false, null);
                }
                if (r.nextInt(25) == 0) {
                    // a road issue's holding round (路长制): a chief of one of the road areas, answered in time or not
                    int area = r.nextInt(ROAD_AREAS);
                    String road = "\\N\t\\N\t\\N\t\\N\tA" + area + "\t" + (1 + area * 40 + r.nextInt(40));
                    rows += roadLine(buf, n, "ROAD_ANSWER", road, at, r.nextInt(10) < 8, null);
                }
                if (r.nextInt(4) == 0) {
                    // an incident the police cleared in one of eight blocks, on scene in 2–25 min or never reported
                    int priority = 1 + r.nextInt(4);
                    Integer seconds = r.nextInt(20) == 0 ? null : 120 + r.nextInt(1380);
                    rows += policeLine(buf, n, at, "B" + r.nextInt(8), priority, seconds,
                            seconds != null && seconds <= POLICE_TARGETS[priority - 1]);
                }
                if (r.nextInt(200) == 0) {
                    // a whistle naming one department: acknowledged, on site, rated
                    String road = "\\N\t\\N\t\\N\t\\N\tA" + r.nextInt(ROAD_AREAS) + "\t\\N";
                    rows += roadLine(buf, n, "WHISTLE_ACK", road, at, r.nextInt(10) < 9, null);
                    rows += roadLine(buf, n, "WHISTLE_SITE", road, at, r.nextInt(10) < 8, null);
                    rows += roadLine(buf, n, "WHISTLE_RATING", road, at, true, "RATED_" + (1 + r.nextInt(5)));
                }
                if (buf.length() > 4_000_000) {
                    chunks.put(buf.toString());
                    buf.setLength(0);
                }
            }
            if (!buf.isEmpty()) {
                chunks.put(buf.toString());
            }
        }
        return rows;
    }

    /** A road system's fact: no case, no department or place; the road area and (for a round) the chief. */
    private static int roadLine(StringBuilder b, String n, String fact, String road, Instant at, boolean hit,
            String outcome) {
        LocalDate day = LocalDate.ofInstant(at, cn.civicloop.shared.DistrictTime.ZONE);
        b.append("R/").append(n).append('/').append(fact).append("\t\\N\t").append(fact).append('\t').append(road)
                .append('\t').append(at).append('\t').append(day).append('\t').append(hit).append("\tfalse\t")
                .append(outcome == null ? "\\N" : outcome).append(NO_POLICE).append('\n');
        return 1;
    }

    private static final String NO_POLICE = "\t\\N\t\\N\t\\N";

    /** A cleared incident: no case, department or place; the block, the priority and the seconds to scene. */
    private static int policeLine(StringBuilder b, String n, Instant at, String block, int priority, Integer seconds,
            boolean hit) {
        LocalDate day = LocalDate.ofInstant(at, cn.civicloop.shared.DistrictTime.ZONE);
        b.append("P/").append(n).append("\t\\N\tPOLICE_RESPONSE\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t")
                .append(at).append('\t').append(day).append('\t').append(hit).append("\tfalse\t\\N\t")
                .append(block).append('\t').append(priority).append('\t').append(seconds == null ? "\\N" : seconds)
                .append('\n');
        return 1;
    }

    private static int line(StringBuilder b, String n, String fact, int seq, String where, Instant at, boolean hit,
            boolean first, String outcome) {
        LocalDate day = LocalDate.ofInstant(at, cn.civicloop.shared.DistrictTime.ZONE);
        b.append(n).append('/').append(fact).append('/').append(seq).append('\t').append(n).append('\t').append(fact)
                .append('\t').append(where).append("\t\\N\t\\N\t").append(at).append('\t').append(day).append('\t')
                .append(hit).append('\t').append(first).append('\t').append(outcome == null ? "\\N" : outcome)
                .append(NO_POLICE).append('\n');
        return 1;
    }
}
