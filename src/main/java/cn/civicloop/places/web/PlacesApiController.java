package cn.civicloop.places.web;

import java.util.List;
import java.util.Locale;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.Datum;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.places.Gazetteer;
import cn.civicloop.places.Geocoding;
import cn.civicloop.places.NearbyPlace;
import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.places.internal.MapLayer;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Geocoding, suggestions as one types and reverse geocoding over the gazetteer. Open to everyone (PlacesEndpoints). */
@RestController
@RequestMapping("/api/v1/places")
@Tag(name = "places", description = "Standard address gazetteer: geocoding, suggestions, reverse geocoding")
class PlacesApiController {

    private final Gazetteer gazetteer;
    private final MapLayer layer;

    PlacesApiController(Gazetteer gazetteer, MapLayer layer) {
        this.gazetteer = gazetteer;
        this.layer = layer;
    }

    @GetMapping(path = "/layer", produces = { "application/geo+json", "application/json" })
    @Operation(summary = "Area boundaries, roads with names and named places (doorplates and gates from zoom 17) "
            + "inside bbox=west,south,east,north (WGS84), simplified for the zoom, as GeoJSON for a map without a tile "
            + "server; datum=GCJ02 shifts the answer's coordinates for a map over GCJ-02 tiles")
    ResponseEntity<byte[]> layer(@RequestParam(required = false) String bbox,
            @RequestParam(defaultValue = "14") int zoom, @RequestParam(defaultValue = "WGS84") String datum) {
        double[] b = bbox(bbox);
        byte[] answer = layer.geoJson(b[1], b[0], b[3], b[2], Math.max(0, Math.min(22, zoom)), datum(datum));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(answer);
    }

    private static Datum datum(String text) {
        try {
            return Datum.valueOf(text.toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("datum", Phrase.of("problem.places.point-invalid",
                    "经纬度或坐标系无效（坐标系：WGS84 或 GCJ02）"));
        }
    }

    private static double[] bbox(String text) {
        try {
            String[] parts = text.split(",");
            double[] b = new double[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].trim());
            }
            if (parts.length != 4 || b[0] > b[2] || b[1] > b[3] || Math.abs(b[1]) > 90 || Math.abs(b[3]) > 90
                    || Math.abs(b[0]) > 180 || Math.abs(b[2]) > 180 || b[2] - b[0] > 1 || b[3] - b[1] > 1) {
                throw new IllegalArgumentException();
            }
            return b;
        } catch (RuntimeException e) {
            throw new InvalidInputException("bbox", Phrase.of("problem.places.bbox",
                    "bbox 应为“西,南,东,北”（WGS84 度，跨度不超过 1 度）"));
        }
    }

    @GetMapping("/geocode")
    @Operation(summary = "Free-text address → ranked candidates (lat, lon, label, level, confidence), or not found "
            + "with the smallest area named")
    Geocoding geocode(@RequestParam(required = false) String q) {
        return gazetteer.geocode(q);
    }

    /** @param query the text as received; candidates best first */
    record Suggestions(String query, List<PlaceCandidate> candidates) {
    }

    @GetMapping("/suggest")
    @Operation(summary = "Completions of an address being typed")
    Suggestions suggest(@RequestParam(required = false) String q, @RequestParam(defaultValue = "8") int limit) {
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", Phrase.of("problem.places.too-long", "地址最多 {0} 个字", 200));
        }
        return new Suggestions(q, gazetteer.suggest(q, Math.max(1, Math.min(20, limit))));
    }

    /** @param found false when no doorplate or place lies within reach; then {@code place} is null */
    record Reverse(boolean found, NearbyPlace place) {
    }

    @GetMapping("/reverse")
    @Operation(summary = "A point (WGS84, or GCJ-02 with datum=GCJ02) → the nearest doorplate or place and the road")
    ResponseEntity<Reverse> reverse(@RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon, @RequestParam(defaultValue = "WGS84") String datum) {
        if (lat == null || lon == null) {
            throw new InvalidInputException("lat", Phrase.of("problem.places.point-missing", "请提供经纬度 lat 和 lon"));
        }
        GeoPoint point;
        Datum d;
        try {
            point = new GeoPoint(lat, lon);
            d = Datum.valueOf(datum.toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", Phrase.of("problem.places.point-invalid",
                    "经纬度或坐标系无效（坐标系：WGS84 或 GCJ02）"));
        }
        var nearby = gazetteer.reverse(ChinaDatum.toWgs84(point, d));
        return ResponseEntity.ok(new Reverse(nearby.isPresent(), nearby.orElse(null)));
    }
}
