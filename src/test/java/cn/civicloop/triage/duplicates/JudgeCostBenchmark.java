package cn.civicloop.triage.duplicates;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import cn.civicloop.classifier.csv.CsvTable;

/**
 * Thread CPU time of judging one new appeal against the candidates the place keys name late in a
 * {@code LoadBenchmark} run (a command, not a test): real appeal texts of the shared data set (read at run time),
 * places as the load benchmark spreads them (within about 1 km of the district seat), all within the window, 1,500
 * candidates an appeal. The window is signed in one order and judged in another, so that, as in the application, the
 * candidates' signatures do not lie one after another in memory.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.triage.duplicates.JudgeCostBenchmark [rounds]
 * </pre>
 */
public final class JudgeCostBenchmark {

    private static final Path TEXTS = Path.of("../shared/datasets/messages/unlabeled.csv");
    private static final Instant NOW = Instant.parse("2026-12-08T04:00:00Z");
    private static final int WINDOW = 8_000;
    private static final int CANDIDATES = 1_500;
    private static final int PROBES = 300;

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String[]> rows = new ArrayList<>();
        CsvTable.read(TEXTS, List.of("title", "detail"), row -> {
            if (!row.get("title").isBlank() && !row.get("detail").isBlank()) {
                rows.add(new String[] {row.get("title").strip(), cut(row.get("detail").strip())});
            }
        });
        DuplicateFinder finder = new DuplicateFinder();
        List<Signature> window = new ArrayList<>();
        for (int i = 0; i < WINDOW; i++) {
            window.add(finder.signature(appeal(i, rows)));
        }
        Collections.shuffle(window, new Random(1));
        List<Signature> probes = new ArrayList<>();
        for (int p = 0; p < PROBES; p++) {
            probes.add(finder.signature(appeal(WINDOW + p, rows)));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Random random = new Random(2);
        for (int round = 0; round < rounds; round++) {
            long cpu = 0;
            long matches = 0;
            for (Signature probe : probes) {
                int from = random.nextInt(WINDOW - CANDIDATES);
                List<Signature> candidates = window.subList(from, from + CANDIDATES);
                long start = threads.getCurrentThreadCpuTime();
                matches += finder.candidates(probe, candidates).size();
                cpu += threads.getCurrentThreadCpuTime() - start;
            }
            System.out.printf("round %d: %.1f µs CPU per appeal (%d candidates each), %d matches%n",
                    round + 1, cpu / 1e3 / PROBES, CANDIDATES, matches);
        }
    }

    /** As {@code LoadClient} places its appeals; every one reported within the last 40 hours. */
    private static AppealText appeal(int i, List<String[]> rows) {
        String[] row = rows.get(i % rows.size());
        double lat = 34.85766 + ((i * 7919L) % 200 - 100) / 10_000.0;
        double lon = 117.55162 + ((i * 104_729L) % 200 - 100) / 10_000.0;
        return new AppealText("L-" + i, row[0], row[1], lat, lon, "370402001" + (i % 7), "370402" + (i % 3),
                NOW.minus(Duration.ofSeconds(i * 17L % 144_000)));
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
