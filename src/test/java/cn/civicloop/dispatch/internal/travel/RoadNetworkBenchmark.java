package cn.civicloop.dispatch.internal.travel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import com.graphhopper.GHRequest;
import com.graphhopper.storage.index.Snap;

import cn.civicloop.dispatch.internal.DispatchProperties.RoadGraphSettings;
import cn.civicloop.geo.GeoPoint;

/**
 * Benchmark of the road-network travel times on the Andorra extract (基准测试). Not a test: run it with
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.dispatch.internal.travel.RoadNetworkBenchmark</pre>
 * Prints the import and load times of the graph, then for 1,000 random incidents, each with 500 random unit
 * positions on the road network, the latency of one {@code toward} call (target: under 50 ms) as wall time and as CPU
 * time of the calling thread (on a shared machine the wall time mostly measures waiting for a core), the share of it
 * spent snapping, and for comparison 500 separate point-to-point routes for a few incidents.
 * Arguments: {@code incidents units} (default 1000 500).
 */
public final class RoadNetworkBenchmark {

    public static void main(String[] args) throws IOException {
        quietLogging();
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int unitsPerIncident = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s, Java %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));

        Path graphDir = Path.of("target/road-network-benchmark");
        deleteRecursively(graphDir);
        RoadGraphSettings settings = RoadGraphSettings.of(Andorra.osmFile(), graphDir);
        long start = System.nanoTime();
        RoadNetworkTravelTimes imported = new RoadNetworkTravelTimes(settings);
        imported.loadNow();
        double importSeconds = (System.nanoTime() - start) / 1e9;
        var graph = imported.roadGraph().graph();
        imported.close();
        start = System.nanoTime();
        RoadNetworkTravelTimes model = new RoadNetworkTravelTimes(settings);
        model.loadNow();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "andorra.osm.pbf (%.0f KB): import %.1f s, load of the stored graph %.2f s; "
                        + "graph: %,d junction nodes, %,d edges%n", Files.size(Andorra.osmFile()) / 1024.0,
                importSeconds, loadSeconds, graph.getNodes(), graph.getEdges());

        RoadGraph network = model.roadGraph();
        Random random = new Random(42);
        List<GeoPoint> pool = positionsOnRoads(network, random, 50_000);
        List<GeoPoint> incidentPoints = new ArrayList<>();
        List<List<GeoPoint>> unitSets = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            incidentPoints.add(pool.get(random.nextInt(pool.size())));
            List<GeoPoint> units = new ArrayList<>(unitsPerIncident);
            for (int u = 0; u < unitsPerIncident; u++) {
                units.add(pool.get(random.nextInt(pool.size())));
            }
            unitSets.add(units);
        }

        for (int i = 0; i < Math.min(200, incidents); i++) { // JIT warm-up
            model.toward(incidentPoints.get(i), unitSets.get(i));
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] millis = new double[incidents];
        double[] cpuMillis = new double[incidents];
        long byRoad = 0;
        long unreachable = 0;
        for (int i = 0; i < incidents; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            List<TravelEstimate> estimates = model.toward(incidentPoints.get(i), unitSets.get(i));
            millis[i] = (System.nanoTime() - t) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            byRoad += estimates.stream().filter(TravelEstimate::byRoad).count();
            unreachable += estimates.stream().filter(e -> !e.reachable()).count();
        }
        System.out.printf(Locale.ROOT, "toward(incident, %d units), %d incidents (target < 50 ms)%n",
                unitsPerIncident, incidents);
        System.out.printf(Locale.ROOT, "  wall time:               %s%n", percentiles(millis));
        // on a shared machine the wall time mostly measures waiting for a core; the thread's CPU time does not
        System.out.printf(Locale.ROOT, "  CPU time of the caller:  %s%n", percentiles(cpuMillis));
        System.out.printf(Locale.ROOT, "  answers by road %.1f %%, beyond the 30 min search limit %.1f %%%n",
                100.0 * byRoad / incidents / unitsPerIncident, 100.0 * unreachable / incidents / unitsPerIncident);

        double[] snapMillis = new double[incidents];
        for (int i = 0; i < incidents; i++) {
            long t = threads.getCurrentThreadCpuTime();
            for (GeoPoint unit : unitSets.get(i)) {
                Snap snap = network.snap(unit);
                if (!snap.isValid()) {
                    throw new IllegalStateException("unit off the network: " + unit);
                }
            }
            snapMillis[i] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "  of which snapping the %d positions (CPU): %s%n", unitsPerIncident,
                percentiles(snapMillis));

        int compared = Math.min(5, incidents);
        double[] routeMillis = new double[compared];
        for (int i = 0; i < compared; i++) {
            GeoPoint incident = incidentPoints.get(i);
            long t = threads.getCurrentThreadCpuTime();
            for (GeoPoint unit : unitSets.get(i)) {
                network.graphHopper().route(new GHRequest(unit.lat(), unit.lon(), incident.lat(), incident.lon())
                        .setProfile(RoadGraph.PROFILE));
            }
            routeMillis[i] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "for comparison, %d point-to-point routes (A* bidirectional) per incident, %d incidents (CPU): %s%n",
                unitsPerIncident, compared, percentiles(routeMillis));
        model.close();
    }

    private static List<GeoPoint> positionsOnRoads(RoadGraph network, Random random, int count) {
        var bounds = network.graph().getBounds();
        List<GeoPoint> points = new ArrayList<>(count);
        while (points.size() < count) {
            Snap snap = network.snap(new GeoPoint(bounds.minLat + random.nextDouble() * (bounds.maxLat - bounds.minLat),
                    bounds.minLon + random.nextDouble() * (bounds.maxLon - bounds.minLon)));
            if (snap.isValid() && snap.getQueryDistance() < 300) {
                points.add(new GeoPoint(snap.getSnappedPoint().lat, snap.getSnappedPoint().lon));
            }
        }
        return points;
    }

    private static String percentiles(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(Double.NaN));
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
