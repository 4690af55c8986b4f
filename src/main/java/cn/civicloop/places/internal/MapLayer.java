package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.civicloop.places.PlaceLevel;

/**
 * The gazetteer as a map layer a browser draws without any tile server: roads with their names, named places, and at
 * street zoom (17 and more) doorplates and gates, as a GeoJSON FeatureCollection (WGS84) limited to a bounding box and
 * to {@value #MAX_FEATURES} features.
 */
@Component
public class MapLayer {

    static final int MAX_FEATURES = 5000;
    static final int DOORPLATE_ZOOM = 17;

    private final GazetteerIndexHolder holder;

    MapLayer(GazetteerIndexHolder holder) {
        this.holder = holder;
    }

    /** Features inside the box (south, west, north, east in degrees) at the zoom, roads first. */
    public Map<String, Object> features(double south, double west, double north, double east, int zoom) {
        GazetteerIndex index = holder.index();
        List<Object> features = new ArrayList<>();
        for (GazetteerNode road : index.roads) {
            if (features.size() < MAX_FEATURES && road.element.line() != null && crosses(road.element.line(), south, west,
                    north, east)) {
                features.add(feature(road, line(road.element.line())));
            }
        }
        for (GazetteerNode node : index.byCode.values()) {
            if (features.size() >= MAX_FEATURES) {
                break;
            }
            boolean shown = node.level() == PlaceLevel.PLACE || zoom >= DOORPLATE_ZOOM
                    && (node.level() == PlaceLevel.DOORPLATE || node.level() == PlaceLevel.GATE);
            Element e = node.element;
            if (shown && e.lat() >= south && e.lat() <= north && e.lon() >= west && e.lon() <= east) {
                features.add(feature(node, Map.of("type", "Point", "coordinates", List.of(e.lon(), e.lat()))));
            }
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> feature(GazetteerNode node, Map<String, Object> geometry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", node.element.code());
        properties.put("name", node.label());
        properties.put("level", node.level().name());
        properties.put("kind", node.element.kind());
        return Map.of("type", "Feature", "geometry", geometry, "properties", properties);
    }

    private static Map<String, Object> line(String line) {
        List<List<Double>> coordinates = new ArrayList<>();
        for (String pair : line.split(";")) {
            String[] ll = pair.trim().split("\\s+");
            coordinates.add(List.of(Double.parseDouble(ll[0]), Double.parseDouble(ll[1])));
        }
        return Map.of("type", "LineString", "coordinates", coordinates);
    }

    /** Whether any vertex of the line lies in the box, or the line's own box overlaps it (a long straight road). */
    private static boolean crosses(String line, double south, double west, double north, double east) {
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        for (String pair : line.split(";")) {
            String[] ll = pair.trim().split("\\s+");
            double lon = Double.parseDouble(ll[0]);
            double lat = Double.parseDouble(ll[1]);
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
        }
        return minLat <= north && maxLat >= south && minLon <= east && maxLon >= west;
    }
}
