package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.places.PlaceLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the map layer draws, prepared once per gazetteer index: road lines parsed with their boxes, named places,
 * doorplates and gates in cells of 0.01° (so a street-zoom box reads only its cells), and the area boundaries.
 */
final class LayerSource {

    static final double CELL = 0.01;

    /** A line or an area ring to draw, with its box (west, south, east, north). */
    record Shape(String code, String name, String level, String kind, List<List<double[]>> parts, double[] box) {

        boolean crosses(double south, double west, double north, double east) {
            return box[1] <= north && box[3] >= south && box[0] <= east && box[2] >= west;
        }
    }

    final GazetteerIndex index;
    final List<Shape> roads = new ArrayList<>();
    final List<GazetteerNode> places = new ArrayList<>();
    final Map<Long, List<GazetteerNode>> doors = new HashMap<>();
    final Map<AreaLevel, List<Shape>> areas = new EnumMap<>(AreaLevel.class);

    LayerSource(GazetteerIndex index, Map<AreaLevel, String> areaGeoJson, JsonMapper json) {
        this.index = index;
        for (GazetteerNode road : index.roads) {
            if (road.element.line() != null) {
                List<double[]> line = line(road.element.line());
                roads.add(new Shape(road.element.code(), road.label(), PlaceLevel.ROAD.name(), road.element.kind(),
                        List.of(line), box(List.of(line))));
            }
        }
        for (GazetteerNode node : index.byCode.values()) {
            if (node.level() == PlaceLevel.PLACE) {
                places.add(node);
            } else if (node.level() == PlaceLevel.DOORPLATE || node.level() == PlaceLevel.GATE) {
                doors.computeIfAbsent(key(cell(node.element.lat()), cell(node.element.lon())), k -> new ArrayList<>())
                        .add(node);
            }
        }
        places.sort(java.util.Comparator.comparing(n -> n.element.code()));
        areaGeoJson.forEach((level, text) -> areas.put(level, areas(level, json.readTree(text))));
    }

    static long cell(double degrees) {
        return (long) Math.floor(degrees / CELL);
    }

    static long key(long lat, long lon) {
        return lat * 1_000_000L + lon;
    }

    private static List<Shape> areas(AreaLevel level, JsonNode collection) {
        List<Shape> shapes = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            JsonNode geometry = feature.path("geometry");
            List<List<double[]>> rings = new ArrayList<>();
            String type = geometry.path("type").asString();
            if ("Polygon".equals(type)) {
                geometry.path("coordinates").forEach(ring -> rings.add(points(ring)));
            } else if ("MultiPolygon".equals(type)) {
                geometry.path("coordinates").forEach(polygon -> polygon.forEach(ring -> rings.add(points(ring))));
            }
            if (!rings.isEmpty()) {
                JsonNode p = feature.path("properties");
                shapes.add(new Shape(p.path("code").asString(null), p.path("name").asString(null), level.name(), null,
                        rings, box(rings)));
            }
        }
        return shapes;
    }

    private static List<double[]> points(JsonNode ring) {
        List<double[]> points = new ArrayList<>();
        ring.forEach(p -> points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
        return points;
    }

    private static List<double[]> line(String text) {
        List<double[]> points = new ArrayList<>();
        for (String pair : text.split(";")) {
            String[] ll = pair.trim().split("\\s+");
            points.add(new double[] {Double.parseDouble(ll[0]), Double.parseDouble(ll[1])});
        }
        return points;
    }

    private static double[] box(List<List<double[]>> parts) {
        double[] b = {180, 90, -180, -90};
        for (List<double[]> part : parts) {
            for (double[] p : part) {
                b[0] = Math.min(b[0], p[0]);
                b[1] = Math.min(b[1], p[1]);
                b[2] = Math.max(b[2], p[0]);
                b[3] = Math.max(b[3], p[1]);
            }
        }
        return b;
    }
}
