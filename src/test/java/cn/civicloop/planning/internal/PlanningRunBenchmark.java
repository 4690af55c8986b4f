package cn.civicloop.planning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.io.WKTWriter;

import cn.civicloop.dispatch.UnitPlan;
import cn.civicloop.dispatch.internal.Block;
import cn.civicloop.dispatch.internal.BlockPlanner;
import cn.civicloop.planning.CallSource;
import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.HypercubeMethod;
import cn.civicloop.planning.RunRequest;
import cn.civicloop.planning.internal.model.Call;
import cn.civicloop.planning.internal.model.CallGenerator;

/**
 * How long one run of the planning page takes, and what it shows, on the demo district's own 8 blocks (the dispatch
 * module's plan: the six urban 街道, the two largest cut in two) with generated calls and the standing assumptions.
 * Not a test: figures, not assertions.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.civicloop.planning.internal.PlanningRunBenchmark
 * </pre>
 */
public final class PlanningRunBenchmark {

    private static final RunRequest.Assumptions STANDING = new RunRequest.Assumptions(30.0, 1.3, 60.0, 60.0, 15.0, 25.0,
            15.0);
    private static final long SEED = 20261125L;

    private PlanningRunBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        BlockPlane plane = BlockPlane.of(demoPlan(), 0.25);
        System.out.printf("demo plan: %d blocks, %.1f km2 served%n", plane.cells().size(), plane.areaKm2());
        System.out.println("case | calls | units | reserve | hypercube | run ms | station median / patrol median | ratio"
                + " | cross-block S / P | queued S / P | hypercube travel S / P | solve ms S / P");
        int[] two = {2, 2, 2, 2, 2, 2, 2, 2};
        int[] four = {4, 4, 4, 4, 4, 4, 4, 4};
        int[] seven = {7, 7, 7, 7, 7, 7, 7, 7};
        int[] twelve = {2, 2, 2, 2, 1, 1, 1, 1};
        run("warm-up", plane, 12, 14, four, 0, HypercubeMethod.APPROXIMATION);
        run("on duty now (2 per block), desk reserve 1, 12/h x 14 d", plane, 12, 14, two, 1, HypercubeMethod.APPROXIMATION);
        run("2 per block, no reserve, 12/h x 14 d", plane, 12, 14, two, 0, HypercubeMethod.APPROXIMATION);
        run("4 per block, no reserve, 12/h x 14 d", plane, 12, 14, four, 0, HypercubeMethod.APPROXIMATION);
        run("7 per block, reserve 1, 60/h x 14 d (the 20,000 cap)", plane, 60, 14, seven, 1, HypercubeMethod.APPROXIMATION);
        run("4 per block, reserve 1, 60/h x 14 d (overloaded)", plane, 60, 14, four, 1, HypercubeMethod.APPROXIMATION);
        run("12 units, no reserve, 6/h x 14 d, approximation", plane, 6, 14, twelve, 0, HypercubeMethod.APPROXIMATION);
        run("12 units, no reserve, 6/h x 14 d, exact", plane, 6, 14, twelve, 0, HypercubeMethod.EXACT);
    }

    private static void run(String label, BlockPlane plane, double perHour, int days, int[] units, int reserve,
            HypercubeMethod method) {
        List<Call> calls = CallGenerator.generate(plane.cells(), plane.hotSpots(), perHour, days * 24.0, SEED);
        Comparison.Stream stream = new Comparison.Stream(CallSource.GENERATED, calls.size(), 0, false, 20_000, 0, null,
                null, days * 24.0, calls.size() / (days * 24.0), plane.areaKm2(), java.util.Arrays.stream(units).sum(),
                reserve);
        long start = System.nanoTime();
        Comparison c = ComparisonRun.run(new ComparisonRun.Input(plane, calls, units, reserve, STANDING, method, SEED),
                stream, null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        Comparison.PolicyFigures s = c.station();
        Comparison.PolicyFigures p = c.patrol();
        System.out.printf("%s | %d | %d | %d | %s | %d | %.2f / %.2f | %.2f | %.1f %% / %.1f %% | %d / %d | %s / %s | %s / %s%n",
                label, calls.size(), stream.units(), reserve, method, ms, s.response().median(), p.response().median(),
                c.medianRatio(), 100 * s.crossBlock(), 100 * p.crossBlock(), s.queued(), p.queued(),
                minutes(s.hypercube()), minutes(p.hypercube()), s.hypercube().solveMillis(), p.hypercube().solveMillis());
    }

    private static String minutes(Comparison.HypercubeFigures h) {
        return h.refusal() != null ? h.refusal() : String.format("%.2f", h.meanTravel());
    }

    /** The dispatch module's blocks as its seeder lays them out, with 2 of 8 units on duty and a reserve of 1. */
    static UnitPlan demoPlan() throws IOException {
        String geoJson;
        try (InputStream in = PlanningRunBenchmark.class.getClassLoader().getResourceAsStream("geo/demo-district.geojson")) {
            geoJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Block> blocks = BlockPlanner.plan(geoJson, 8);
        WKTWriter wkt = new WKTWriter();
        return new UnitPlan(java.time.Instant.now(), java.time.LocalDate.now(), "DAY", "A", 1, blocks.stream()
                .map(b -> new UnitPlan.PlannedBlock(b.code(), b.name(), wkt.write(b.outline()), b.post().lat(),
                        b.post().lon(), b.postName(), 8, 2, 0)).toList());
    }
}
