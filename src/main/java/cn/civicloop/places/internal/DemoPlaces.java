package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.places.PlaceLevel;

/**
 * The named places of the demo gazetteer: residential compounds (the first of each community named after it, "君山小区")
 * with buildings, units and an east and a south gate; per street a primary and a middle school, a hospital or health
 * centre, a market, a park and the street office; the district's 实验小学 and 人民医院; a bus stop every 600–900 m
 * of each demo road.
 */
final class DemoPlaces {

    private static final double LAT_METRE = 1 / Polyline.METRES_PER_DEGREE_LAT;
    private static final double LON_METRE = 1 / (Polyline.METRES_PER_DEGREE_LAT * 0.82);

    private final DemoGazetteer gazetteer;
    private final Random random;
    private final DemoNames names;
    private final DemoGazetteer.Scale scale;
    private int sequence;

    DemoPlaces(DemoGazetteer gazetteer, Random random, DemoNames names, DemoGazetteer.Scale scale) {
        this.gazetteer = gazetteer;
        this.random = random;
        this.names = names;
        this.scale = scale;
    }

    void generate(List<DemoGazetteer.Community> communities) {
        Map<String, List<DemoGazetteer.Community>> byStreet = new LinkedHashMap<>();
        for (DemoGazetteer.Community c : communities) {
            byStreet.computeIfAbsent(c.street(), k -> new ArrayList<>()).add(c);
            for (int i = 0; i < scale.compoundsPerCommunity(); i++) {
                String name = i == 0 && names.claim(DemoGazetteer.stemOf(c.ref().name()) + "小区")
                        ? DemoGazetteer.stemOf(c.ref().name()) + "小区" : names.name(DemoNames.RESIDENTIAL_ENDINGS);
                gazetteer.pointIn(c).ifPresent(p -> compound(name, p));
            }
        }
        boolean first = true;
        for (List<DemoGazetteer.Community> street : byStreet.values()) {
            if (first) {
                place(street, "市中区实验小学", PlaceKind.SCHOOL, List.of("实验小学", "实小", "区实验小学"), List.of());
                place(street, "市中区人民医院", PlaceKind.HOSPITAL, List.of("区医院", "人民医院", "区人民医院"),
                        List.of("市中区职工医院"));
                first = false;
            }
            String stem = names.stem();
            place(street, stem + "小学", PlaceKind.SCHOOL, List.of(stem + "小"), List.of());
            place(street, names.stem() + "中学", PlaceKind.SCHOOL, List.of(), List.of());
            place(street, stem + "社区卫生服务中心", PlaceKind.HOSPITAL, List.of(stem + "卫生院"), List.of());
            place(street, stem + "农贸市场", PlaceKind.MARKET, List.of(stem + "市场", stem + "菜市场"), List.of());
            place(street, stem + "公园", PlaceKind.PARK, List.of(), List.of(stem + "游园"));
            place(street, stem + "商厦", PlaceKind.ORGANISATION, List.of(stem + "商场"), List.of());
        }
        busStops();
    }

    private void compound(String name, GeoPoint centre) {
        String code = String.format("P%05d", ++sequence);
        List<String> aliases = name.endsWith("小区") ? List.of() : List.of(name.substring(0, 2) + "小区");
        List<String> former = random.nextInt(5) == 0 ? List.of(names.stem() + "宿舍") : List.of();
        Optional<Element> compound = gazetteer.placed(new Element(code, PlaceLevel.PLACE, PlaceKind.RESIDENTIAL.name(),
                null, name, aliases, former, DemoGazetteer.round(centre.lat()), DemoGazetteer.round(centre.lon()), null,
                null, null, null));
        if (compound.isEmpty()) {
            return;
        }
        gazetteer.add(compound.get());
        int buildings = 8 + random.nextInt(17);
        int columns = (int) Math.ceil(Math.sqrt(buildings));
        for (int b = 1; b <= buildings; b++) {
            double north = ((b - 1) / columns - columns / 2.0) * 35;
            double east = ((b - 1) % columns - columns / 2.0) * 40;
            GeoPoint at = offset(centre, north, east);
            String buildingCode = code + "-" + String.format("%02d", b);
            Optional<Element> building = gazetteer.placed(new Element(buildingCode, PlaceLevel.BUILDING, null, code,
                    b + "号楼", List.of(), List.of(), at.lat(), at.lon(), null, null, null, null));
            if (building.isEmpty()) {
                continue;
            }
            gazetteer.add(building.get());
            int units = 2 + random.nextInt(3);
            for (int u = 1; u <= units; u++) {
                GeoPoint door = offset(at, -6, (u - (units + 1) / 2.0) * 12);
                gazetteer.placed(new Element(buildingCode + "-" + u, PlaceLevel.UNIT, null, buildingCode, u + "单元",
                        List.of(), List.of(), door.lat(), door.lon(), null, null, null, null))
                        .ifPresent(gazetteer::add);
            }
        }
        double half = columns / 2.0 + 1;
        gate(code, "东门", offset(centre, 0, half * 40));
        gate(code, "南门", offset(centre, -half * 35, 0));
    }

    private void gate(String compound, String name, GeoPoint at) {
        gazetteer.placed(new Element(compound + "-" + (name.equals("东门") ? "E" : "S"), PlaceLevel.GATE,
                PlaceKind.GATE.name(), compound, name, List.of(), List.of(), at.lat(), at.lon(), null, null, null,
                null)).ifPresent(gazetteer::add);
    }

    private void place(List<DemoGazetteer.Community> street, String name, PlaceKind kind, List<String> aliases,
            List<String> former) {
        if (!names.claim(name)) {
            return;
        }
        DemoGazetteer.Community c = street.get(random.nextInt(street.size()));
        gazetteer.pointIn(c).flatMap(p -> gazetteer.placed(new Element(String.format("P%05d", ++sequence),
                PlaceLevel.PLACE, kind.name(), null, name, aliases, former, DemoGazetteer.round(p.lat()),
                DemoGazetteer.round(p.lon()), null, null, null, null))).ifPresent(gazetteer::add);
    }

    /** A bus stop every 600–900 m of each demo road, with an invented name ("荣泰站", alias "荣泰公交站"). */
    private void busStops() {
        for (Element road : List.copyOf(gazetteer.roads)) {
            if (road.code().startsWith("L") || road.code().startsWith("X")) {
                continue;
            }
            Polyline line = Polyline.parse(road.line());
            int n = 0;
            for (double s = 300; s < line.length(); s += 600 + random.nextDouble() * 300) {
                String name = names.stem() + "站";
                if (!names.claim(name)) {
                    continue;
                }
                GeoPoint p = line.at(s, 10);
                gazetteer.placed(new Element(String.format("B%s-%02d", road.code(), ++n), PlaceLevel.PLACE,
                        PlaceKind.BUS_STOP.name(), null, name, List.of(name.replace("站", "公交站")), List.of(),
                        DemoGazetteer.round(p.lat()), DemoGazetteer.round(p.lon()), null, null, null, null))
                        .ifPresent(gazetteer::add);
            }
        }
    }

    private static GeoPoint offset(GeoPoint p, double northMetres, double eastMetres) {
        return new GeoPoint(DemoGazetteer.round(p.lat() + northMetres * LAT_METRE),
                DemoGazetteer.round(p.lon() + eastMetres * LON_METRE));
    }
}
