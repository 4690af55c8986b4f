package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.Datum;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gazetteer as a map layer a browser draws without any tile server, a GeoJSON FeatureCollection limited to a
 * bounding box and to {@value #MAX_FEATURES} features: the area boundaries of the zoom (streets up to 12,
 * communities to 15, grids from 16), roads with their names, named places from zoom {@value #PLACE_ZOOM} (the
 * landmarks: schools, hospitals, markets, parks; compounds, 单位 and bus stops from {@value #ALL_PLACES_ZOOM}),
 * doorplates and gates from {@value #DOORPLATE_ZOOM}. Lines and rings are simplified
 * to one screen pixel of the zoom (Douglas–Peucker). Coordinates are WGS84, or GCJ-02 for a map drawn over GCJ-02
 * tiles. Answers are cached by zoom, datum and the box widened to whole tiles of the zoom; a new gazetteer index
 * (an import) empties the cache.
 */
@Component
public class MapLayer {

    static final int MAX_FEATURES = 5000;
    static final int PLACE_ZOOM = 11;
    static final int ALL_PLACES_ZOOM = 14;
    /** The kinds of place too many to show across a whole city: one of them names a block, not a district. */
    private static final java.util.Set<String> NEIGHBOURHOOD_KINDS = java.util.Set.of("RESIDENTIAL", "ORGANISATION",
            "BUS_STOP");
    static final int DOORPLATE_ZOOM = 17;
    private static final int CACHED_ANSWERS = 512;

    private final java.util.function.Supplier<GazetteerIndex> index;
    private final Jurisdictions jurisdictions;
    private final JsonMapper json;
    private volatile LayerSource source;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_ANSWERS;
        }
    };

    @org.springframework.beans.factory.annotation.Autowired
    MapLayer(GazetteerIndexHolder holder, Jurisdictions jurisdictions, JsonMapper json) {
        this(holder::index, jurisdictions, json);
    }

    /** Over an index given by the caller (the benchmark builds one without a database). */
    MapLayer(java.util.function.Supplier<GazetteerIndex> index, Jurisdictions jurisdictions, JsonMapper json) {
        this.index = index;
        this.jurisdictions = jurisdictions;
        this.json = json;
    }

    /** Forgets the cached answers (the benchmark measures answers made afresh). */
    void forget() {
        synchronized (cache) {
            cache.clear();
        }
    }

    /**
     * The layer's GeoJSON for the box (south, west, north, east in WGS84 degrees) at the zoom, in the datum asked.
     * The box is first widened to whole tiles of the zoom, so that maps panning over the same tiles share answers.
     */
    public byte[] geoJson(double south, double west, double north, double east, int zoom, Datum datum) {
        double tile = 360.0 / Math.pow(2, zoom);
        double s = Math.floor(south / tile) * tile;
        double w = Math.floor(west / tile) * tile;
        double n = Math.ceil(north / tile) * tile;
        double e = Math.ceil(east / tile) * tile;
        LayerSource current = source();
        String key = datum + "/" + zoom + "/" + s + "," + w + "," + n + "," + e;
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] answer = json.writeValueAsBytes(features(current, s, w, n, e, zoom, datum));
        synchronized (cache) {
            if (source == current) {
                cache.put(key, answer);
            }
        }
        return answer;
    }

    /** Features inside the box at the zoom, as a GeoJSON FeatureCollection (WGS84), uncached. */
    public Map<String, Object> features(double south, double west, double north, double east, int zoom) {
        return features(source(), south, west, north, east, zoom, Datum.WGS84);
    }

    private LayerSource source() {
        GazetteerIndex now = index.get();
        LayerSource current = source;
        if (current == null || current.index != now) {
            synchronized (cache) {
                current = source;
                if (current == null || current.index != now) {
                    Map<AreaLevel, String> areas = new EnumMap<>(AreaLevel.class);
                    for (AreaLevel level : List.of(AreaLevel.STREET, AreaLevel.COMMUNITY, AreaLevel.GRID)) {
                        areas.put(level, jurisdictions.geoJson(level));
                    }
                    current = new LayerSource(now, areas, json);
                    cache.clear();
                    source = current;
                }
            }
        }
        return current;
    }

    private Map<String, Object> features(LayerSource src, double south, double west, double north, double east,
            int zoom, Datum datum) {
        double tolerance = Simplify.pixelDegrees(zoom);
        List<Object> features = new ArrayList<>();
        boolean complete = true;
        AreaLevel areaLevel = zoom <= 12 ? AreaLevel.STREET : zoom <= 15 ? AreaLevel.COMMUNITY : AreaLevel.GRID;
        for (LayerSource.Shape area : src.areas.getOrDefault(areaLevel, List.of())) {
            if (area.crosses(south, west, north, east)) {
                complete &= add(features, shape(area, "Polygon", tolerance, datum));
            }
        }
        for (LayerSource.Shape road : src.roads) {
            if (road.crosses(south, west, north, east)) {
                complete &= add(features, shape(road, "LineString", tolerance, datum));
            }
        }
        if (zoom >= PLACE_ZOOM) {
            for (GazetteerNode place : src.places) {
                if (inside(place, south, west, north, east)
                        && (zoom >= ALL_PLACES_ZOOM || !NEIGHBOURHOOD_KINDS.contains(place.element.kind()))) {
                    complete &= add(features, point(place, datum));
                }
            }
        }
        if (zoom >= DOORPLATE_ZOOM) {
            for (long i = LayerSource.cell(south); i <= LayerSource.cell(north); i++) {
                for (long j = LayerSource.cell(west); j <= LayerSource.cell(east); j++) {
                    for (GazetteerNode door : src.doors.getOrDefault(LayerSource.key(i, j), List.of())) {
                        if (inside(door, south, west, north, east)) {
                            complete &= add(features, point(door, datum));
                        }
                    }
                }
            }
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("zoom", zoom);
        collection.put("datum", datum.name());
        collection.put("complete", complete);
        collection.put("features", features);
        return collection;
    }

    private static boolean add(List<Object> features, Map<String, Object> feature) {
        if (features.size() >= MAX_FEATURES) {
            return false;
        }
        features.add(feature);
        return true;
    }

    private static boolean inside(GazetteerNode node, double south, double west, double north, double east) {
        Element e = node.element;
        return e.lat() >= south && e.lat() <= north && e.lon() >= west && e.lon() <= east;
    }

    private static Map<String, Object> shape(LayerSource.Shape shape, String type, double tolerance, Datum datum) {
        List<Object> parts = new ArrayList<>();
        for (List<double[]> part : shape.parts()) {
            List<double[]> kept = Simplify.line(part, tolerance);
            List<List<Double>> coordinates = new ArrayList<>(kept.size());
            kept.forEach(p -> coordinates.add(coordinate(p[1], p[0], datum)));
            parts.add(coordinates);
        }
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", type);
        geometry.put("coordinates", "LineString".equals(type) ? parts.get(0) : parts);
        return feature(shape.code(), shape.name(), shape.level(), shape.kind(), geometry);
    }

    private static Map<String, Object> point(GazetteerNode node, Datum datum) {
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", "Point");
        geometry.put("coordinates", coordinate(node.element.lat(), node.element.lon(), datum));
        return feature(node.element.code(), node.label(), node.level().name(), node.element.kind(), geometry);
    }

    private static List<Double> coordinate(double lat, double lon, Datum datum) {
        if (datum == Datum.GCJ02) {
            GeoPoint shifted = ChinaDatum.wgs84ToGcj02(new GeoPoint(lat, lon));
            return List.of(round(shifted.lon()), round(shifted.lat()));
        }
        return List.of(round(lon), round(lat));
    }

    /** Six decimals: about 0.1 m, finer than any map shows and a third shorter than the full double. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static Map<String, Object> feature(String code, String name, String level, String kind,
            Map<String, Object> geometry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", code);
        properties.put("name", name);
        properties.put("level", level);
        properties.put("kind", kind);
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }
}
