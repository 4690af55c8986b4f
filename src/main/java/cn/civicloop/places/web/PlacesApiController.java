package cn.civicloop.places.web;

import java.util.List;
import java.util.Locale;

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
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Geocoding, suggestions as one types and reverse geocoding over the gazetteer. Open to everyone (PlacesEndpoints). */
@RestController
@RequestMapping("/api/v1/places")
@Tag(name = "places", description = "标准地址库: geocoding, suggestions, reverse geocoding")
class PlacesApiController {

    private final Gazetteer gazetteer;

    PlacesApiController(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
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
