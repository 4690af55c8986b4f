package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.AreaRef;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.geo.Placement;
import cn.civicloop.places.PlaceLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the demo district's address set from a seed, the same every time: doorplates every 20–40 m on both sides of
 * the demo roads (odd numbers on the left, even on the right), two lanes (巷) in every community, residential
 * compounds with buildings, units and two gates in every community, and schools, hospitals, markets, parks,
 * organisations and bus stops in every street. All names are invented. A point outside every area is left out.
 * {@link Scale} adds invented roads and more compounds (the benchmark's half a million addresses).
 */
final class DemoGazetteer {

    /** @param extraRoads invented roads besides the demo network; compounds per community */
    record Scale(int extraRoads, int compoundsPerCommunity) {
        static final Scale DEMO = new Scale(0, 6);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Jurisdictions areas;
    private final Random random;
    private final Scale scale;
    private final DemoNames names;
    private final List<Element> out = new ArrayList<>();
    private final Map<String, List<GeoPoint>> roadLines = new LinkedHashMap<>();
    final List<Element> roads = new ArrayList<>();

    DemoGazetteer(Jurisdictions areas, long seed, Scale scale) {
        this.areas = areas;
        this.random = new Random(seed);
        this.scale = scale;
        Set<String> reserved = new java.util.HashSet<>();
        for (AreaLevel level : AreaLevel.values()) {
            areas.areas(level).forEach(a -> reserved.add(stemOf(a.name())));
        }
        this.names = new DemoNames(random, reserved);
    }

    /** Every element of the demo gazetteer, parents before children. */
    List<Element> generate(String roadsGeoJson) {
        readRoads(roadsGeoJson);
        inventRoads();
        roadLines.forEach(this::road);
        List<Community> communities = communities();
        for (Community c : communities) {
            lanes(c);
        }
        new DemoPlaces(this, random, names, scale).generate(communities);
        return out;
    }

    /** A community with the bounding box of its polygon, to draw points inside it. */
    record Community(AreaRef ref, String street, double minLat, double minLon, double maxLat, double maxLon) {
    }

    void add(Element e) {
        out.add(e);
    }

    /** The element placed in its areas, or empty when the point lies outside every area. */
    Optional<Element> placed(Element e) {
        return areas.locate(new GeoPoint(e.lat(), e.lon()))
                .map(p -> e.placed(p.street().code(), p.community().code(), p.grid().code()));
    }

    /** A random point inside the community (empty when none is found after some tries: a sliver of an area). */
    Optional<GeoPoint> pointIn(Community c) {
        for (int tries = 0; tries < 50; tries++) {
            GeoPoint p = new GeoPoint(c.minLat() + random.nextDouble() * (c.maxLat() - c.minLat()),
                    c.minLon() + random.nextDouble() * (c.maxLon() - c.minLon()));
            Optional<Placement> at = areas.locate(p);
            if (at.isPresent() && at.get().community().code().equals(c.ref().code())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private void readRoads(String geoJson) {
        Map<String, String> codeByName = new LinkedHashMap<>();
        for (JsonNode f : JSON.readTree(geoJson).get("features")) {
            String name = f.get("properties").get("name").asString();
            String code = f.get("properties").get("code").asString().replaceAll("-\\d+$", "");
            codeByName.putIfAbsent(name, code);
            List<GeoPoint> line = roadLines.computeIfAbsent(codeByName.get(name) + "|" + name, k -> new ArrayList<>());
            for (JsonNode c : f.get("geometry").get("coordinates")) {
                GeoPoint p = new GeoPoint(c.get(1).asDouble(), c.get(0).asDouble());
                if (line.isEmpty() || !line.get(line.size() - 1).equals(p)) {
                    line.add(p);
                }
            }
            names.claim(name);
        }
    }

    /** Straight invented roads across the district's box, alternately east–west and north–south. */
    private void inventRoads() {
        double[] box = districtBox();
        for (int i = 0; i < scale.extraRoads(); i++) {
            String name = names.name(DemoNames.ROAD_ENDINGS);
            double t = (i + 0.5) / scale.extraRoads();
            List<GeoPoint> line = i % 2 == 0
                    ? List.of(new GeoPoint(box[0] + t * (box[2] - box[0]), box[1]),
                            new GeoPoint(box[0] + t * (box[2] - box[0]), box[3]))
                    : List.of(new GeoPoint(box[0], box[1] + t * (box[3] - box[1])),
                            new GeoPoint(box[2], box[1] + t * (box[3] - box[1])));
            roadLines.put(String.format("X%04d|%s", i + 1, name), line);
        }
    }

    private void road(String key, List<GeoPoint> line) {
        String code = key.substring(0, key.indexOf('|'));
        String name = key.substring(key.indexOf('|') + 1);
        Polyline polyline = new Polyline(line);
        GeoPoint middle = polyline.at(polyline.length() / 2, 0);
        Element road = new Element(code, PlaceLevel.ROAD, null, null, name, List.of(), List.of(), middle.lat(),
                middle.lon(), Polyline.format(line), null, null, null);
        road = placed(road).orElse(road);
        add(road);
        roads.add(road);
        doorplates(code, polyline, 15, 1);
        doorplates(code, polyline, -15, 2);
    }

    /** Doorplates on one side of a road: every 20–40 m, numbers rising by two from {@code first}. */
    private void doorplates(String road, Polyline line, double offset, int first) {
        int number = first;
        for (double s = 10 + random.nextDouble() * 20; s < line.length() - 5; s += 20 + random.nextDouble() * 20) {
            GeoPoint p = line.at(s, offset);
            Element plate = new Element(String.format("%s-%04d", road, number), PlaceLevel.DOORPLATE, null, road,
                    number + "号", List.of(), List.of(), round(p.lat()), round(p.lon()), null, null, null, null);
            placed(plate).ifPresent(this::add);
            number += 2;
        }
    }

    /** Two lanes from a point inside the community, 200–300 m long, named after it (君山一巷, 君山二巷). */
    private void lanes(Community c) {
        String stem = stemOf(c.ref().name());
        for (int n = 1; n <= 2; n++) {
            Optional<GeoPoint> start = pointIn(c);
            String name = stem + (n == 1 ? "一巷" : "二巷");
            if (start.isEmpty() || !names.claim(name)) {
                continue;
            }
            double length = 200 + random.nextDouble() * 100;
            GeoPoint a = start.get();
            GeoPoint b = n == 1 ? new GeoPoint(a.lat(), a.lon() + length / (Polyline.METRES_PER_DEGREE_LAT * 0.82))
                    : new GeoPoint(a.lat() + length / Polyline.METRES_PER_DEGREE_LAT, a.lon());
            String code = "L" + c.ref().code() + "-" + n;
            Polyline line = new Polyline(List.of(a, b));
            GeoPoint middle = line.at(line.length() / 2, 0);
            Element lane = new Element(code, PlaceLevel.ROAD, null, null, name, List.of(), List.of(), middle.lat(),
                    middle.lon(), Polyline.format(List.of(a, b)), null, null, null);
            placed(lane).ifPresent(l -> {
                add(l);
                roads.add(l);
                doorplates(code, line, 8, 1);
                doorplates(code, line, -8, 2);
            });
        }
    }

    private List<Community> communities() {
        Map<String, String> streetOf = new LinkedHashMap<>();
        List<Community> list = new ArrayList<>();
        for (JsonNode f : JSON.readTree(areas.geoJson(AreaLevel.COMMUNITY)).get("features")) {
            double[] box = box(f.get("geometry"));
            String code = f.get("properties").get("code").asString();
            streetOf.put(code, f.get("properties").get("parent").asString());
            list.add(new Community(new AreaRef(code, f.get("properties").get("name").asString(),
                    AreaLevel.COMMUNITY), streetOf.get(code), box[0], box[1], box[2], box[3]));
        }
        list.sort(java.util.Comparator.comparing(c -> c.ref().code()));
        return list;
    }

    private double[] districtBox() {
        JsonNode d = JSON.readTree(areas.geoJson(AreaLevel.DISTRICT)).get("features").get(0);
        return box(d.get("geometry"));
    }

    /** minLat, minLon, maxLat, maxLon of every coordinate in a GeoJSON geometry. */
    private static double[] box(JsonNode geometry) {
        double[] box = { 90, 180, -90, -180 };
        walk(geometry.get("coordinates"), box);
        return box;
    }

    private static void walk(JsonNode node, double[] box) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            box[0] = Math.min(box[0], node.get(1).asDouble());
            box[1] = Math.min(box[1], node.get(0).asDouble());
            box[2] = Math.max(box[2], node.get(1).asDouble());
            box[3] = Math.max(box[3], node.get(0).asDouble());
            return;
        }
        for (JsonNode child : node) {
            walk(child, box);
        }
    }

    static String stemOf(String areaName) {
        return areaName.replaceAll("(社区|村|街道|镇|区)$", "");
    }

    static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
