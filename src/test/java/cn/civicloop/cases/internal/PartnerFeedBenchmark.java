package cn.civicloop.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.DepartmentFeed;

/**
 * The database side of the partner API's case list (docs/partner.md) over a large history: one agency's cases in the
 * order they changed, keyset pages of 50, p50/p95 per filter, and the plan PostgreSQL chooses. Not a test: figures,
 * not assertions. Needs an empty database of its own; the cases are generated with one INSERT … SELECT over a year
 * (30 departments, the agency holding a thirtieth), then reused.
 * <pre>
 * psql -h 127.0.0.1 -U postgres -c 'create database civicloop_bench_partner'
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.cases.internal.PartnerFeedBenchmark \
 *     jdbc:postgresql://127.0.0.1:5432/civicloop_bench_partner 1000000
 * </pre>
 */
public final class PartnerFeedBenchmark {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final long AGENCY = 7;

    private PartnerFeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/civicloop_bench_partner";
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        JdbcClient jdbc = BenchmarkDatabase.migrated(url);
        long existing = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
        if (existing == 0) {
            long t0 = System.nanoTime();
            generate(jdbc, cases);
            System.out.printf("generated %,d cases over a year in %.1f s%n", cases, (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf("reusing %,d cases%n", existing);
        }
        DepartmentFeed feed = new DepartmentFeedQuery(jdbc);
        Random random = new Random(36);
        record Variant(String name, CaseStatus status, boolean since, boolean deep) {
        }
        for (Variant v : List.of(new Variant("first page, no filter", null, false, false),
                new Variant("since a random day of the year", null, true, false),
                new Variant("page 20 by cursor (since)", null, true, true),
                new Variant("status=ASSIGNED since a day", CaseStatus.ASSIGNED, true, false),
                new Variant("status=ASSIGNED, no since", CaseStatus.ASSIGNED, false, false))) {
            List<Double> ms = new ArrayList<>();
            for (int run = 0; run < 220; run++) {
                Instant since = v.since() ? NOW.minus(Duration.ofHours(random.nextInt(360 * 24))) : null;
                DepartmentFeed.Cursor after = null;
                if (v.deep()) {
                    for (int p = 0; p < 19; p++) {
                        List<DepartmentFeed.HeldCase> page = feed.changed(AGENCY, v.status(), since, after, 50);
                        after = page.isEmpty() ? after : page.get(page.size() - 1).cursor();
                    }
                }
                long t = System.nanoTime();
                feed.changed(AGENCY, v.status(), since, after, 50);
                if (run >= 20) { // the first runs warm the caches
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(ms);
            System.out.printf("%-34s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms%n", v.name(), ms.get(ms.size() / 2),
                    ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
        }
        System.out.println("-- plan: since 30 days, page after a cursor");
        jdbc.sql("""
                explain (analyze, buffers off, costs off) select id, number from cases_case
                where department_id = ? and updated_at >= ? and updated_at >= ?
                  and (updated_at > ? or (updated_at = ? and id > ?))
                order by updated_at, id limit 50""")
                .params(AGENCY, java.sql.Timestamp.from(NOW.minus(Duration.ofDays(30))),
                        java.sql.Timestamp.from(NOW.minus(Duration.ofDays(20))),
                        java.sql.Timestamp.from(NOW.minus(Duration.ofDays(20))),
                        java.sql.Timestamp.from(NOW.minus(Duration.ofDays(20))), 0L)
                .query((rs, n) -> rs.getString(1)).list().forEach(l -> System.out.println("   " + l));
        System.out.println("-- plan: status=ASSIGNED, no since");
        jdbc.sql("""
                explain (analyze, buffers off, costs off) select id, number from cases_case
                where department_id = ? and status = 'ASSIGNED' order by updated_at, id limit 50""")
                .params(AGENCY).query((rs, n) -> rs.getString(1)).list().forEach(l -> System.out.println("   " + l));
    }

    /**
     * A year of cases, one every {@code year / n}, held by 30 departments in turn: 2 % still waiting to be signed for,
     * 8 % in handling, the rest closed; each changed a day after it was opened.
     */
    private static void generate(JdbcClient jdbc, int n) {
        long stepMillis = Duration.ofDays(365).toMillis() / n;
        jdbc.sql("""
                insert into cases_case (number, status, channel, kind, urgency, category, title, content, lat, lon,
                    department_id, due_at, created_at, updated_at, closed_at)
                select 'SZ-P-' || g,
                       case when (g / 30) %% 50 = 0 then 'ASSIGNED' when (g / 30) %% 10 = 0 then 'IN_PROGRESS' else 'CLOSED' end,
                       'HOTLINE_12345', 'COMPLAINT', 'NORMAL', '交通事故', '车辆剐蹭 ' || g, '两车剐蹭，等待理赔。' || g,
                       34.80 + (g %% 1000) / 10000.0, 117.50 + (g %% 997) / 10000.0, 1 + g %% 30,
                       ts + interval '5 days', ts, ts + interval '1 day',
                       case when (g / 30) %% 10 = 0 then null else ts + interval '1 day' end
                from (select g, ?::timestamptz - g * (? * interval '1 millisecond') as ts
                      from generate_series(1, ?) g) s""".replace("%%", "%"))
                .params(java.sql.Timestamp.from(NOW), stepMillis, n).update();
        jdbc.sql("analyze cases_case").update();
    }
}
