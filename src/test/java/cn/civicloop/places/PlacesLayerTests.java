package cn.civicloop.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The gazetteer's map layer by box and zoom: what each zoom shows, lines simplified to the zoom from the stored
 * vertices, the same answer for the same tiles, and a district whose tiles are GCJ-02 (configured here) gets the
 * layer shifted onto them by the geo module's transform, with the pages told so.
 */
@TestPropertySource(properties = { "civicloop.intake.place-by-address=true",
        "civicloop.places.tiles.url=https://tiles.example.gov.cn/{z}/{x}/{y}.png", "civicloop.places.tiles.crs=GCJ02" })
class PlacesLayerTests extends ApiTest {

    private JsonNode plate() {
        return api.get("/api/v1/places/geocode?q=" + URLEncoder.encode("广济路12号", StandardCharsets.UTF_8), null)
                .json().get("candidates").get(0);
    }

    private JsonNode layer(String bbox, int zoom, String datum) {
        var answer = api.get("/api/v1/places/layer?zoom=" + zoom + "&datum=" + datum + "&bbox=" + bbox, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/geo+json");
        return answer.json();
    }

    private static String box(double lat, double lon, double half) {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", lon - half, lat - half, lon + half, lat + half);
    }

    private static Set<String> levels(JsonNode collection) {
        Set<String> levels = new HashSet<>();
        collection.get("features").forEach(f -> levels.add(f.get("properties").get("level").asString()));
        return levels;
    }

    private static JsonNode feature(JsonNode collection, String name) {
        for (JsonNode f : collection.get("features")) {
            if (name.equals(f.get("properties").get("name").asString())) {
                return f;
            }
        }
        throw new AssertionError("no feature " + name);
    }

    @Test
    void eachZoomShowsItsOwnLevels() {
        JsonNode plate = plate();
        double lat = plate.get("lat").asDouble();
        double lon = plate.get("lon").asDouble();
        JsonNode city = layer(box(lat, lon, 0.1), 12, "WGS84");
        assertThat(levels(city)).contains("STREET", "ROAD", "PLACE").doesNotContain("DOORPLATE", "GATE", "COMMUNITY");
        assertThat(city.get("complete").asBoolean()).isTrue();
        JsonNode town = layer(box(lat, lon, 0.01), 14, "WGS84");
        assertThat(levels(town)).contains("COMMUNITY", "ROAD").doesNotContain("DOORPLATE", "STREET");
        JsonNode street = layer(box(lat, lon, 0.002), 17, "WGS84");
        assertThat(levels(street)).contains("GRID", "ROAD", "DOORPLATE");
        JsonNode door = feature(street, "广济路12号");
        assertThat(door.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(lon, within(1e-6));
        assertThat(door.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(lat, within(1e-6));
        // nothing outside the box (widened to whole tiles of the zoom)
        double tile = 360.0 / Math.pow(2, 17);
        street.get("features").forEach(f -> {
            if ("Point".equals(f.get("geometry").get("type").asString())) {
                assertThat(f.get("geometry").get("coordinates").get(1).asDouble())
                        .isBetween(lat - 0.002 - tile, lat + 0.002 + tile);
            }
        });
    }

    @Test
    void roadsAreSimplifiedPerZoomFromTheirStoredVertices() {
        JsonNode plate = plate();
        String bbox = box(plate.get("lat").asDouble(), plate.get("lon").asDouble(), 0.2);
        JsonNode far = feature(layer(bbox, 10, "WGS84"), "广济路").get("geometry").get("coordinates");
        JsonNode near = feature(layer(bbox, 18, "WGS84"), "广济路").get("geometry").get("coordinates");
        assertThat(far.size()).isGreaterThanOrEqualTo(2).isLessThan(near.size());
        List<String> stored = new ArrayList<>();
        near.forEach(p -> stored.add(p.get(0).asDouble() + " " + p.get(1).asDouble()));
        far.forEach(p -> assertThat(stored).contains(p.get(0).asDouble() + " " + p.get(1).asDouble()));
        // the ends stay where they are
        assertThat(far.get(0).toString()).isEqualTo(near.get(0).toString());
        assertThat(far.get(far.size() - 1).toString()).isEqualTo(near.get(near.size() - 1).toString());
        var again = api.get("/api/v1/places/layer?zoom=10&datum=WGS84&bbox=" + bbox, null);
        assertThat(again.body()).isEqualTo(api.get("/api/v1/places/layer?zoom=10&datum=WGS84&bbox=" + bbox, null).body());
    }

    @Test
    void overGcj02TilesTheLayerIsShiftedByTheGeoModulesTransform() {
        JsonNode plate = plate();
        String bbox = box(plate.get("lat").asDouble(), plate.get("lon").asDouble(), 0.002);
        JsonNode wgs = feature(layer(bbox, 17, "WGS84"), "广济路12号").get("geometry").get("coordinates");
        JsonNode gcj = feature(layer(bbox, 17, "GCJ02"), "广济路12号").get("geometry").get("coordinates");
        GeoPoint shifted = ChinaDatum.wgs84ToGcj02(new GeoPoint(wgs.get(1).asDouble(), wgs.get(0).asDouble()));
        assertThat(gcj.get(0).asDouble()).isCloseTo(shifted.lon(), within(1e-6));
        assertThat(gcj.get(1).asDouble()).isCloseTo(shifted.lat(), within(1e-6));
        // GCJ-02 lies some hundred metres off WGS84 here: the shift is real, not a no-op
        assertThat(new GeoPoint(wgs.get(1).asDouble(), wgs.get(0).asDouble())
                .metresTo(new GeoPoint(gcj.get(1).asDouble(), gcj.get(0).asDouble()))).isGreaterThan(100);
        assertThat(api.get("/api/v1/places/layer?zoom=17&datum=BD09&bbox=" + bbox, null).status()).isEqualTo(422);

        var report = api.get("/report", null);
        assertThat(report.body()).contains("data-tiles=\"https://tiles.example.gov.cn/{z}/{x}/{y}.png\"",
                "data-tiles-crs=\"GCJ02\"", "data-places-suggest", "id=\"use-my-location\"");
    }
}
