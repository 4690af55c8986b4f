package cn.civicloop.triage.internal;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.civicloop.classifier.csv.CsvTable;
import cn.civicloop.triage.duplicates.AppealText;
import cn.civicloop.triage.duplicates.CandidateKeys;
import cn.civicloop.triage.duplicates.DuplicateFinder;
import cn.civicloop.triage.duplicates.DuplicateMatch;
import cn.civicloop.triage.duplicates.Signature;

/**
 * The duplicate search's database reads with a city's window of open cases (a command, not a test): fills a fresh
 * schema of a PostgreSQL database with N cases of the last 72 hours (real appeal texts from the shared data set, read
 * at run time; 85 % still open), stores their place keys as the intake does, and then, for P new appeals, runs the
 * search's query before (the cases module's place filter over the open cases of the window, as until V450) and
 * after (the key table), printing rows named, time per query and, for a few, EXPLAIN (ANALYZE, BUFFERS). Both
 * candidate lists then go through the same finder with the same signatures, and the top five suggestions are
 * compared: they must be the same for every appeal.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.triage.internal.DuplicateSearchBenchmark \
 *     --db=jdbc:postgresql://127.0.0.1:5432/civicloop_h_duplicates --cases=40000 --probes=300 --spread=district
 * </pre>
 * {@code --spread=district}: places over 11 km by 11 km of the district's city area (70 % with coordinates, 20 %
 * with grid and community only, 10 % without any place); {@code --spread=load}: every appeal with coordinates within
 * about 1 km of the district seat, as {@code LoadBenchmark} submits them (the least favourable case for place keys).
 */
public final class DuplicateSearchBenchmark {

    private static final double SEAT_LAT = 34.85766;
    private static final double SEAT_LON = 117.55162;
    private static final Duration WINDOW = Duration.ofHours(72);
    private static final double RADIUS = DuplicateFinder.DEFAULT_MAX_DISTANCE_METERS;
    private static final String OLD_QUERY = "select number from cases_case where created_at >= ? and status not in "
            + "('CLOSED', 'DECLINED', 'VOIDED') and %s order by created_at desc limit %d";

    private DuplicateSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String url = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/civicloop_h_duplicates");
        int count = Integer.parseInt(options.getOrDefault("cases", "40000"));
        int probes = Integer.parseInt(options.getOrDefault("probes", "300"));
        boolean load = "load".equals(options.getOrDefault("spread", "district"));
        String schema = "dupbench_" + (load ? "load_" : "district_") + count;

        DataSource admin = new DriverManagerDataSource(url, "postgres", "");
        JdbcClient.create(admin).sql("drop schema if exists " + schema + " cascade").update();
        JdbcClient.create(admin).sql("create schema " + schema).update();
        DataSource ds = new SingleConnectionDataSource(url + "?currentSchema=" + schema, "postgres", "", true);
        Flyway.configure().dataSource(ds).schemas(schema).placeholders(Map.of("runtime_role", ""))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);

        List<String[]> texts = texts();
        Random random = new Random(20261207);
        Instant now = Instant.now();
        List<AppealText> appeals = new ArrayList<>(count);
        List<Object[]> rows = new ArrayList<>(count);
        CandidateKeyTable keys = new CandidateKeyTable(jdbc);
        for (int i = 0; i < count; i++) {
            String[] text = texts.get(random.nextInt(texts.size()));
            Instant at = now.minus(Duration.ofSeconds(1 + random.nextInt((int) WINDOW.toSeconds() - 60)));
            AppealText a = place("SZ-B-" + i, text, at, random, load);
            appeals.add(a);
            String status = random.nextInt(100) < 85 ? "IN_PROGRESS" : (random.nextBoolean() ? "CLOSED" : "VOIDED");
            Timestamp ts = Timestamp.from(at);
            rows.add(new Object[] {a.id(), status, a.title(), a.content(), a.lat(), a.lon(), a.gridCode(),
                a.communityCode(), ts, ts, ts});
        }
        new JdbcTemplate(ds).batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, lat, lon,
                    grid_code, community_code, due_at, created_at, updated_at)
                values (?, ?, 'WEBSITE', 'COMPLAINT', 'NORMAL', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        // the rows CandidateKeyTable.add writes, in one batch (one statement per case takes minutes on a busy machine)
        List<Object[]> keyRows0 = new ArrayList<>();
        for (AppealText a : appeals) {
            for (long k : CandidateKeys.of(a)) {
                keyRows0.add(new Object[] {k, a.id(), Timestamp.from(a.reportedAt())});
            }
        }
        new JdbcTemplate(ds).batchUpdate("insert into triage_candidate_key (candidate_key, case_number, created_at) "
                + "values (?, ?, ?)", keyRows0);
        jdbc.sql("vacuum analyze cases_case").update();
        jdbc.sql("vacuum analyze triage_candidate_key").update();
        long tableBytes = jdbc.sql("select pg_total_relation_size('triage_candidate_key')").query(Long.class).single();
        long keyRows = jdbc.sql("select count(*) from triage_candidate_key").query(Long.class).single();
        System.out.printf(Locale.ROOT, "%n%d cases in the window (%s spread), %d key rows, key table %.1f MB = %.0f "
                + "bytes per case; load average %s%n", count, load ? "load" : "district", keyRows, tableBytes / 1e6,
                tableBytes / (double) count, loadAverage());

        DuplicateFinder finder = new DuplicateFinder();
        Map<String, Signature> signatures = new HashMap<>();
        for (AppealText a : appeals) {
            signatures.put(a.id(), finder.signature(a));
        }
        Set<String> open = new HashSet<>(jdbc.sql("select number from cases_case where status not in "
                + "('CLOSED', 'DECLINED', 'VOIDED')").query(String.class).list());

        long[] oldRows = new long[probes];
        long[] newRows = new long[probes];
        long[] oldNanos = new long[probes];
        long[] newNanos = new long[probes];
        int same = 0;
        int cappedDiffer = 0;
        int atLeastBefore = 0;
        int withMatches = 0;
        for (int p = 0; p < probes; p++) {
            // a new appeal: half of them a copy of a recent case's text at a place near it, half a fresh one
            AppealText probe;
            if (p % 2 == 0) {
                AppealText model = appeals.get(random.nextInt(count));
                probe = new AppealText("NEW-" + p, model.title(), model.content() + "，还没有人来处理",
                        model.lat() == null ? null : model.lat() + 0.001, model.lon(), model.gridCode(),
                        model.communityCode(), now);
            } else {
                probe = place("NEW-" + p, texts.get(random.nextInt(texts.size())), now, random, load);
            }
            Instant since = now.minus(WINDOW);
            long t0 = System.nanoTime();
            List<String> before = oldQuery(jdbc, probe, since, false, 10_000);
            long t1 = System.nanoTime();
            List<String> after = keys.numbers(CandidateKeys.toFind(probe, RADIUS), since, 20_000);
            long t2 = System.nanoTime();
            List<String> beforeAnswer = answer(finder, probe, before, signatures, open);
            oldNanos[p] = t1 - t0;
            newNanos[p] = t2 - t1;
            oldRows[p] = before.size();
            newRows[p] = after.size();
            // the answer before, without its cap of 10,000 numbers, which the key table does not have
            List<String> oldAnswer = answer(finder, probe, oldQuery(jdbc, probe, since, false, 1_000_000), signatures,
                    open);
            if (!oldAnswer.equals(beforeAnswer)) {
                cappedDiffer++;
            }
            List<String> newAnswer = answer(finder, probe, after, signatures, open);
            if (oldAnswer.equals(newAnswer)) {
                same++;
            } else {
                System.out.printf("different from the whole window for %s (%s; %d named): whole window %s, "
                        + "capped before %s, after %s%n", probe.id(), probe.lat() != null ? "coordinates" : probe.gridCode() != null ? "grid" : "no place",
                        after.size(), oldAnswer, beforeAnswer, newAnswer);
            }
            if (new HashSet<>(newAnswer).containsAll(beforeAnswer) || newAnswer.size() == 5) {
                atLeastBefore++;
            }
            if (!oldAnswer.isEmpty()) {
                withMatches++;
            }
            if (p < 3) {
                explain(jdbc, "before", oldQuery(jdbc, probe, since, true, 10_000));
                List<Object> params = new ArrayList<>();
                StringBuilder in = new StringBuilder();
                for (long k : CandidateKeys.toFind(probe, RADIUS)) {
                    in.append(in.isEmpty() ? "?" : ", ?");
                    params.add(k);
                }
                params.add(Timestamp.from(since));
                explain(jdbc, "after", List.of("select case_number from triage_candidate_key where candidate_key in ("
                        + in + ") and created_at >= ? group by case_number order by max(created_at) desc limit 20000",
                        params));
            }
        }
        System.out.printf(Locale.ROOT, "%nper search over %d new appeals (load average %s):%n", probes, loadAverage());
        System.out.printf(Locale.ROOT, "  before (open cases of the window, place filter): rows named median %d, p95 %d; "
                + "time median %.2f ms, p95 %.2f ms%n", median(oldRows), p95(oldRows), median(oldNanos) / 1e6,
                p95(oldNanos) / 1e6);
        System.out.printf(Locale.ROOT, "  after (key table): rows named median %d, p95 %d; time median %.2f ms, p95 "
                + "%.2f ms%n", median(newRows), p95(newRows), median(newNanos) / 1e6, p95(newNanos) / 1e6);
        System.out.printf(Locale.ROOT, "  same top five suggestions as the window without its cap: %d of %d (%d with "
                + "at least one suggestion); the capped window answered differently for %d%n", same, probes,
                withMatches, cappedDiffer);
        System.out.printf(Locale.ROOT, "  after suggests every case the capped search before suggested (or five): %d of "
                + "%d%n", atLeastBefore, probes);
        JdbcClient.create(admin).sql("drop schema " + schema + " cascade").update();
    }

    /** The finder over the candidates, then only the open ones, the best five: what the search suggests. */
    private static List<String> answer(DuplicateFinder finder, AppealText probe, List<String> numbers,
            Map<String, Signature> signatures, Set<String> open) {
        List<Signature> recent = new ArrayList<>();
        for (String n : new LinkedHashSet<>(numbers)) {
            recent.add(signatures.get(n));
        }
        return finder.candidates(finder.signature(probe), recent).stream().map(DuplicateMatch::id)
                .filter(open::contains).limit(5).toList();
    }

    /** Snapshots' query before V450, or its text and parameters for EXPLAIN. */
    @SuppressWarnings("unchecked")
    private static <T> T oldQuery(JdbcClient jdbc, AppealText near, Instant since, boolean textOnly, int limit) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(since)));
        String place;
        if (near.lat() != null && near.lon() != null) {
            double dLat = RADIUS / 111_000.0;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(near.lat())));
            place = "(lat is null or lon is null or (lat between ? and ? and lon between ? and ?))";
            params.addAll(List.of(near.lat() - dLat, near.lat() + dLat, near.lon() - dLon, near.lon() + dLon));
        } else if (near.gridCode() != null && !near.gridCode().isBlank()) {
            place = "(grid_code is null or grid_code = '' or grid_code = ?)";
            params.add(near.gridCode());
        } else if (near.communityCode() != null && !near.communityCode().isBlank()) {
            place = "(community_code is null or community_code = '' or community_code = ?)";
            params.add(near.communityCode());
        } else {
            place = "1 = 1";
        }
        String sql = String.format(Locale.ROOT, OLD_QUERY, place, limit);
        if (textOnly) {
            return (T) List.of(sql, params);
        }
        return (T) jdbc.sql(sql).params(params).query(String.class).list();
    }

    @SuppressWarnings("unchecked")
    private static void explain(JdbcClient jdbc, String label, List<Object> query) {
        List<String> plan = jdbc.sql("explain (analyze, buffers) " + query.get(0)).params((List<Object>) query.get(1))
                .query(String.class).list();
        System.out.println("EXPLAIN " + label + ":");
        plan.forEach(line -> System.out.println("    " + line));
    }

    private static AppealText place(String id, String[] text, Instant at, Random random, boolean load) {
        if (load) {
            return new AppealText(id, text[0], text[1], SEAT_LAT + (random.nextInt(200) - 100) / 10_000.0,
                    SEAT_LON + (random.nextInt(200) - 100) / 10_000.0, null, null, at);
        }
        double lat = 34.80 + random.nextDouble() * 0.10;
        double lon = 117.49 + random.nextDouble() * 0.12;
        String grid = String.format(Locale.ROOT, "G%03d%03d", (int) ((lat - 34.80) / 0.01), (int) ((lon - 117.49) / 0.01));
        String community = String.format(Locale.ROOT, "C%02d%02d", (int) ((lat - 34.80) / 0.03),
                (int) ((lon - 117.49) / 0.03));
        int kind = random.nextInt(10);
        if (kind < 7) {
            return new AppealText(id, text[0], text[1], lat, lon, grid, community, at);
        }
        if (kind < 9) {
            return new AppealText(id, text[0], text[1], null, null, grid, community, at);
        }
        return new AppealText(id, text[0], text[1], null, null, null, null, at);
    }

    private static List<String[]> texts() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String file : List.of("unlabeled.csv", "hot_topics.csv", "replies.csv")) {
            CsvTable.read(Path.of("../shared/datasets/messages/" + file), List.of("title", "detail"), row -> {
                String title = row.get("title").strip();
                String detail = row.get("detail").strip();
                if (!title.isEmpty() && !detail.isEmpty()) {
                    rows.add(new String[] {cut(title, 180), cut(detail, 1000)});
                }
            });
        }
        return rows;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long p95(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.95))];
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
