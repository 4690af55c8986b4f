package cn.civicloop.cameras;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the demo's invented cameras ({@code src/main/resources/cameras/demo-cameras.csv}) from the demo road
 * network ({@code src/main/resources/roads/demo-roads.geojson}, itself invented): a 卡口 (checkpoint) at the start of
 * each road section, a 枪机 (fixed camera) every 250 m along it on alternating sides, and a 球机 (dome camera) at each
 * crossing of two roads, named after both. Fixed seed: the same file every run. Run from the repository root:
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) cn.civicloop.cameras.DemoCamerasGenerator}.
 */
public final class DemoCamerasGenerator {

    private static final double LAT_METRE = 1 / 111_195.0;
    private static final double LON_METRE = 1 / (111_195.0 * Math.cos(Math.toRadians(34.85)));
    private static final String[] OWNERS = { "市中分局视频监控中心", "市中区交警大队", "中心街道综治中心", "区综合行政执法局" };

    private DemoCamerasGenerator() {
    }

    record Road(String code, String name, String section, List<double[]> line) {
    }

    public static void main(String[] args) throws IOException {
        JsonNode roads = JsonMapper.builder().build()
                .readTree(Files.readString(Path.of("src/main/resources/roads/demo-roads.geojson")));
        List<Road> list = new ArrayList<>();
        for (JsonNode f : roads.get("features")) {
            List<double[]> line = new ArrayList<>();
            for (JsonNode xy : f.get("geometry").get("coordinates")) {
                line.add(new double[] { xy.get(1).asDouble(), xy.get(0).asDouble() });
            }
            JsonNode p = f.get("properties");
            list.add(new Road(p.get("code").asString(), p.get("name").asString(), p.get("section").asString(), line));
        }
        Random random = new Random(20261207L);
        StringBuilder out = new StringBuilder("code,name,lat,lon,owner,status,kind\r\n");
        int n = 0;
        for (Road road : list) {
            double[] start = road.line().get(0);
            out.append(row(String.format(Locale.ROOT, "KK-%s", road.code()), road.section() + "卡口", start[0],
                    start[1], "市中区交警大队", status(random), "卡口"));
            double walked = 0;
            double next = 125;
            int side = 1;
            int count = 0;
            for (int i = 1; i < road.line().size(); i++) {
                double[] a = road.line().get(i - 1), b = road.line().get(i);
                double length = metres(a, b);
                while (next <= walked + length) {
                    double t = (next - walked) / length;
                    double lat = a[0] + (b[0] - a[0]) * t, lon = a[1] + (b[1] - a[1]) * t;
                    // 12 m to one side of the road, alternating
                    lat += side * 12 * LAT_METRE * ((b[1] - a[1]) / LON_METRE) / length;
                    lon -= side * 12 * LON_METRE * ((b[0] - a[0]) / LAT_METRE) / length;
                    side = -side;
                    count++;
                    n++;
                    out.append(row(String.format(Locale.ROOT, "QJ-%s-%02d", road.code(), count),
                            road.name() + "沿线枪机" + count + "号", lat, lon, OWNERS[n % OWNERS.length], status(random),
                            "枪机"));
                    next += 250;
                }
                walked += length;
            }
        }
        Map<String, double[]> crossings = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Road a = list.get(i), b = list.get(j);
                if (a.name().equals(b.name())) {
                    continue;
                }
                double[] x = crossing(a.line(), b.line());
                if (x != null) {
                    crossings.putIfAbsent(a.name() + "与" + b.name() + "交叉口", x);
                }
            }
        }
        int k = 0;
        for (var e : crossings.entrySet()) {
            k++;
            out.append(row(String.format(Locale.ROOT, "QJ-X%03d", k), e.getKey() + "球机", e.getValue()[0],
                    e.getValue()[1], "市中分局视频监控中心", status(random), "球机"));
        }
        Path target = Path.of("src/main/resources/cameras/demo-cameras.csv");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toString().lines().count() + " lines to " + target);
    }

    private static String status(Random random) {
        int r = random.nextInt(100);
        return r < 90 ? "ONLINE" : r < 96 ? "OFFLINE" : "MAINTENANCE";
    }

    private static String row(String code, String name, double lat, double lon, String owner, String status,
            String kind) {
        return String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%s,%s,%s\r\n", code, name, lat, lon, owner, status, kind);
    }

    private static double metres(double[] a, double[] b) {
        double dy = (b[0] - a[0]) / LAT_METRE, dx = (b[1] - a[1]) / LON_METRE;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Where two polylines cross (the first crossing of their segments), or null. */
    private static double[] crossing(List<double[]> p, List<double[]> q) {
        for (int i = 1; i < p.size(); i++) {
            for (int j = 1; j < q.size(); j++) {
                double[] a = p.get(i - 1), b = p.get(i), c = q.get(j - 1), d = q.get(j);
                double den = (b[1] - a[1]) * (d[0] - c[0]) - (b[0] - a[0]) * (d[1] - c[1]);
                if (Math.abs(den) < 1e-15) {
                    continue;
                }
                double t = ((c[1] - a[1]) * (d[0] - c[0]) - (c[0] - a[0]) * (d[1] - c[1])) / den;
                double u = ((c[1] - a[1]) * (b[0] - a[0]) - (c[0] - a[0]) * (b[1] - a[1])) / den;
                if (t >= 0 && t <= 1 && u >= 0 && u <= 1) {
                    return new double[] { a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]) };
                }
            }
        }
        return null;
    }
}
