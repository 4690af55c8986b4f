package cn.civicloop.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.Channel;

/**
 * The database side of the Open311 server's GET requests over a large history: the feed's window (90 days,
 * page_size 100, a few pages deep) and the lookup of which client submitted the page, p50/p95 per filter, and the
 * plans PostgreSQL chooses. Not a test: figures, not assertions. Needs an empty database of its own; the cases are
 * generated with one INSERT … SELECT over a year, then reused.
 * <pre>
 * psql -h 127.0.0.1 -U postgres -c 'create database civicloop_bench_open311'
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.cases.internal.Open311RequestsBenchmark \
 *     jdbc:postgresql://127.0.0.1:5432/civicloop_bench_open311 1000000
 * </pre>
 */
public final class Open311RequestsBenchmark {

    private static final String[] CATEGORIES = {"城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障", "商贸旅游",
        "卫生计生", "农村农业", "政法", "民政", "党务政务", "经济管理", "纪检监察", "国土资源", "科技与信息产业"};
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private Open311RequestsBenchmark() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/civicloop_bench_open311";
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
        // the department names are not what is measured: every generated case is unassigned
        CaseFeed feed = new CaseFeedQuery(jdbc, null, null, new Timeline(jdbc,
                new cn.civicloop.cases.internal.sla.Clocks(jdbc), FigureShares.of(jdbc, true)));
        Set<Channel> police = Set.of(Channel.POLICE_110, Channel.BLOCK_POLICE, Channel.VIDEO_ALARM);
        Random random = new Random(311);
        record Variant(String name, List<String> categories, Boolean ended) {
        }
        List<Variant> variants = List.of(new Variant("all services", List.of(), null),
                new Variant("one service_code", List.of("城乡建设"), null),
                new Variant("status=open", List.of(), false),
                new Variant("status=closed", List.of(), true),
                new Variant("one service_code + status=closed", List.of("环境保护"), true));
        for (Variant v : variants) {
            List<Double> ms = new ArrayList<>();
            for (int run = 0; run < 220; run++) {
                Instant end = NOW.minus(Duration.ofHours(random.nextInt(270 * 24)));
                int page = 1 + random.nextInt(5);
                long t = System.nanoTime();
                List<CaseFeed.FeedCase> found = feed.window(end.minus(Duration.ofDays(90)), end, v.categories(),
                        v.ended(), police, (page - 1) * 100, 100);
                jdbc.sql("select case_number, client_id, media_url from open311_request where case_number in ("
                        + String.join(",", Collections.nCopies(Math.max(1, found.size()), "?")) + ")")
                        .params(found.isEmpty() ? List.of("none") : found.stream().map(c -> (Object) c.number()).toList())
                        .query().listOfRows();
                if (run >= 20) { // the first runs warm the caches
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(ms);
            System.out.printf("%-34s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms%n", v.name(), ms.get(ms.size() / 2),
                    ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
        }
        explain(jdbc, "", "all services, page 5");
        explain(jdbc, " and c.category in ('城乡建设')", "one service_code, page 5");
        explain(jdbc, " and c.status in ('CLOSED','DECLINED','VOIDED')", "status=closed, page 5");
    }

    private static void explain(JdbcClient jdbc, String filter, String name) {
        System.out.println("-- plan: " + name);
        jdbc.sql("explain (analyze, buffers off, costs off) select c.number, c.status from cases_case c "
                        + "left join cases_case d on d.id = c.duplicate_of where c.created_at >= ? and c.created_at < ?"
                        + filter + " and c.channel not in ('POLICE_110','BLOCK_POLICE','VIDEO_ALARM') "
                        + "order by c.created_at desc, c.id desc limit 100 offset 400")
                .params(java.sql.Timestamp.from(NOW.minus(Duration.ofDays(150))), java.sql.Timestamp.from(NOW.minus(Duration.ofDays(60))))
                .query((rs, n) -> rs.getString(1)).list().forEach(l -> System.out.println("   " + l));
    }

    /** A year of cases, one every {@code year / n}: all channels and categories, a tenth still open, some merged away. */
    private static void generate(JdbcClient jdbc, int n) {
        long stepMillis = Duration.ofDays(365).toMillis() / n;
        String channels = "array['HOTLINE_12345','WEBSITE','WECHAT','GRID_WORKER','ROAD_CHIEF','POLICE_110','OPEN311']";
        String categories = "array['" + String.join("','", CATEGORIES) + "']";
        jdbc.sql("""
                insert into cases_case (number, status, channel, kind, urgency, category, title, content, lat, lon,
                    due_at, created_at, updated_at, closed_at)
                select 'SZ-B-' || g,
                       case when g %% 10 = 0 then 'IN_PROGRESS' when g %% 97 = 0 then 'VOIDED' else 'CLOSED' end,
                       (%s)[1 + g %% 7], 'COMPLAINT', 'NORMAL', (%s)[1 + g %% 15],
                       '路面破损 ' || g, '某路段路面破损，请尽快处理。编号 ' || g,
                       34.80 + (g %% 1000) / 10000.0, 117.50 + (g %% 997) / 10000.0,
                       ts + interval '5 days', ts, ts + interval '2 days',
                       case when g %% 10 = 0 then null else ts + interval '2 days' end
                from (select g, ?::timestamptz - g * (? * interval '1 millisecond') as ts
                      from generate_series(1, ?) g) s""".formatted(channels, categories))
                .params(java.sql.Timestamp.from(NOW), stepMillis, n).update();
        jdbc.sql("analyze cases_case").update();
    }
}
