package cn.civicloop.roads.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.civicloop.geo.GeoPoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints how fast points snap to the demo road network (64 segments) — a benchmark, not a test:
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.roads.internal.SnapBenchmark</pre>
 */
public final class SnapBenchmark {

    public static void main(String[] args) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (InputStream in = SnapBenchmark.class.getResourceAsStream("/roads/demo-roads.geojson")) {
            JsonNode root = JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            long id = 1;
            for (JsonNode f : root.get("features")) {
                List<double[]> c = RoadData.parseCoordinates(f.get("geometry").get("coordinates"));
                segments.add(new Segment(id++, f.get("properties").get("code").asString(), "", "", 1, "", "", null, null,
                        c, SegmentIndex.lengthMetres(c)));
            }
        }
        SegmentIndex network = new SegmentIndex(() -> segments, new RoadsProperties(30, 0.3, Duration.ofHours(2), null,
                Duration.ofMinutes(10), Duration.ofMinutes(30), false));
        Random random = new Random(7);
        int n = 200_000;
        GeoPoint[] points = new GeoPoint[n];
        for (int i = 0; i < n; i++) {
            points[i] = new GeoPoint(34.825 + random.nextDouble() * 0.07, 117.515 + random.nextDouble() * 0.08);
        }
        network.snap(points[0]);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int onRoad = 0;
            for (GeoPoint p : points) {
                if (network.snap(p).isPresent()) {
                    onRoad++;
                }
            }
            double micros = (System.nanoTime() - start) / 1000.0 / n;
            System.out.printf("round %d: %d points, %d within 30 m of a road, %.2f µs per snap%n", round + 1, n, onRoad, micros);
        }
    }
}
