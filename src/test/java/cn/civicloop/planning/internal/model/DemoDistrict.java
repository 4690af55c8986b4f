package cn.civicloop.planning.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The urban part of the demo district (the six 街道 of 市中区 in src/main/resources/geo/demo-district.geojson) as a
 * plane of served cells, cut into 4 × 2 rectangles, with a generated call stream: the plan of the benchmark and the
 * model tests (the planning page works on the dispatch module's own blocks instead). The geometry is the demo's
 * own; the call stream is generated (Poisson arrivals, part uniform, part around hot spots), never real data.
 */
public final class DemoDistrict {

    public static final List<String> URBAN_STREETS = List.of("中心街道", "垎塘街道", "矿区街道", "文化路街道",
            "龙山路街道", "光明路街道");

    private static final String RESOURCE = "geo/demo-district.geojson";

    private final LocalProjection projection;
    private final Map<String, List<List<PlanePoint>>> streets;

    private DemoDistrict(LocalProjection projection, Map<String, List<List<PlanePoint>>> streets) {
        this.projection = projection;
        this.streets = streets;
    }

    /** Reads the six urban streets from the classpath GeoJSON. */
    public static DemoDistrict load() {
        JsonNode root;
        try (InputStream in = DemoDistrict.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource missing: " + RESOURCE);
            }
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<List<double[]>>> lonLat = new LinkedHashMap<>();
        for (JsonNode feature : root.get("features")) {
            JsonNode props = feature.get("properties");
            String name = props.get("name").asString();
            if ("STREET".equals(props.get("level").asString()) && URBAN_STREETS.contains(name)) {
                lonLat.put(name, rings(feature.get("geometry")));
            }
        }
        if (lonLat.size() != URBAN_STREETS.size()) {
            throw new IllegalStateException("expected the six urban streets in " + RESOURCE + ", found " + lonLat.keySet());
        }
        double sumLat = 0;
        double sumLon = 0;
        int count = 0;
        for (List<List<double[]>> rings : lonLat.values()) {
            for (List<double[]> ring : rings) {
                for (double[] p : ring) {
                    sumLon += p[0];
                    sumLat += p[1];
                    count++;
                }
            }
        }
        LocalProjection projection = new LocalProjection(sumLat / count, sumLon / count);
        Map<String, List<List<PlanePoint>>> streets = new LinkedHashMap<>();
        lonLat.forEach((name, rings) -> streets.put(name, rings.stream()
                .map(ring -> ring.stream().map(p -> projection.toPlane(p[1], p[0])).toList()).toList()));
        return new DemoDistrict(projection, streets);
    }

    private static List<List<double[]>> rings(JsonNode geometry) {
        List<List<double[]>> rings = new ArrayList<>();
        String type = geometry.get("type").asString();
        JsonNode coordinates = geometry.get("coordinates");
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(coordinates);
        } else if ("MultiPolygon".equals(type)) {
            coordinates.forEach(polygons::add);
        } else {
            throw new IllegalStateException("unexpected geometry " + type);
        }
        for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
                List<double[]> points = new ArrayList<>();
                ring.forEach(p -> points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
                rings.add(points);
            }
        }
        return rings;
    }

    public LocalProjection projection() {
        return projection;
    }

    /** Is the point inside one of the six urban streets (even–odd rule over each street's rings)? */
    public boolean urban(PlanePoint p) {
        for (List<List<PlanePoint>> rings : streets.values()) {
            boolean inside = false;
            for (List<PlanePoint> ring : rings) {
                for (int i = 0, k = ring.size() - 1; i < ring.size(); k = i++) {
                    PlanePoint a = ring.get(i);
                    PlanePoint b = ring.get(k);
                    if ((a.y() > p.y()) != (b.y() > p.y())
                            && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                        inside = !inside;
                    }
                }
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** The cells whose centre lies in the urban streets. */
    public Set<BlockPlan.Cell> urbanCells(double cellKm) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (List<List<PlanePoint>> rings : streets.values()) {
            for (List<PlanePoint> ring : rings) {
                for (PlanePoint p : ring) {
                    minX = Math.min(minX, p.x());
                    minY = Math.min(minY, p.y());
                    maxX = Math.max(maxX, p.x());
                    maxY = Math.max(maxY, p.y());
                }
            }
        }
        Set<BlockPlan.Cell> cells = new TreeSet<>(BlockPlan.cellOrder());
        for (int ix = (int) Math.floor(minX / cellKm); ix <= (int) Math.floor(maxX / cellKm); ix++) {
            for (int iy = (int) Math.floor(minY / cellKm); iy <= (int) Math.floor(maxY / cellKm); iy++) {
                BlockPlan.Cell cell = new BlockPlan.Cell(ix, iy);
                if (urban(BlockPlan.centre(cell, cellKm))) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    /** The urban area cut into columns × rows rectangles (the 8 blocks are 4 × 2), stations at their centres. */
    public BlockPlan blocks(double cellKm, int columns, int rows) {
        return BlockPlan.byRectangles(urbanCells(cellKm), cellKm, columns, rows, "块区");
    }

    /** Centre of gravity of each street's outer ring: where the demo puts its hot spots (markets, stations, bars). */
    public List<PlanePoint> hotSpots() {
        List<PlanePoint> spots = new ArrayList<>();
        for (List<List<PlanePoint>> rings : streets.values()) {
            List<PlanePoint> ring = rings.get(0);
            spots.add(new PlanePoint(ring.stream().mapToDouble(PlanePoint::x).average().orElseThrow(),
                    ring.stream().mapToDouble(PlanePoint::y).average().orElseThrow()));
        }
        return spots;
    }

    /** The generated call stream of {@link CallGenerator} with the street centres as hot spots. */
    public List<Call> generateCalls(BlockPlan plan, double perHour, double hours, long seed) {
        return CallGenerator.generate(plan, hotSpots(), perHour, hours, seed);
    }
}
