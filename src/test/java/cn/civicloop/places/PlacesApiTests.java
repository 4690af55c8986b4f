package cn.civicloop.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.places.internal.GazetteerImport;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * The gazetteer over HTTP on the seeded demo district: geocoding, suggestions and reverse geocoding for anyone, bad
 * input refused as problems, and the administrators' CSV import (all or nothing, problems by line, history) and
 * export, after which every lookup sees the change.
 */
class PlacesApiTests extends ApiTest {

    private static final String HEADER = "code,level,kind,parent,name,aliases,former_names,lat,lon,line\n";

    private JsonNode geocode(String q) {
        var answer = api.get("/api/v1/places/geocode?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void anyoneGeocodesATypedAddressToRankedCandidates() {
        JsonNode g = geocode("山东省枣庄市市中区广济路十二号");
        assertThat(g.get("found").asBoolean()).isTrue();
        JsonNode best = g.get("candidates").get(0);
        assertThat(best.get("label").asString()).isEqualTo("广济路12号");
        assertThat(best.get("level").asString()).isEqualTo("DOORPLATE");
        assertThat(best.get("confidence").asDouble()).isEqualTo(1.0);
        assertThat(best.get("lat").asDouble()).isBetween(34.0, 35.5);
        assertThat(best.get("lon").asDouble()).isBetween(117.0, 118.0);

        JsonNode unit = geocode("君山小区3-2-401").get("candidates").get(0);
        assertThat(unit.get("level").asString()).isEqualTo("UNIT");
        assertThat(unit.get("label").asString()).isEqualTo("君山小区3号楼2单元401室");

        JsonNode none = geocode("君山社区火星路99号");
        assertThat(none.get("found").asBoolean()).isFalse();
        assertThat(none.get("candidates").size()).isZero();
        assertThat(none.get("area").get("name").asString()).isEqualTo("君山社区");
    }

    @Test
    void textThatIsNoAddressIsRefusedAsAProblem() {
        for (String q : new String[] { "", "广", "12345", "🏠🏠", "路".repeat(500) }) {
            var answer = api.get("/api/v1/places/geocode?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
            assertThat(answer.status()).as(q).isEqualTo(422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        var english = api.get("/api/v1/places/geocode?lang=en&q=12345", null);
        assertThat(english.body()).contains("not only digits");
        var outside = api.get("/api/v1/places/reverse?lat=39.9&lon=116.4", null);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("不在本区范围内");
    }

    @Test
    void suggestionsAndReverseGeocodingAnswerWithoutALogin() {
        var suggest = api.get("/api/v1/places/suggest?q=" + URLEncoder.encode("广济路1", StandardCharsets.UTF_8), null);
        assertThat(suggest.status()).isEqualTo(200);
        assertThat(suggest.json().get("candidates").size()).isGreaterThan(3);
        suggest.json().get("candidates").forEach(c -> assertThat(c.get("label").asString()).startsWith("广济路1"));

        JsonNode plate = geocode("广济路12号").get("candidates").get(0);
        var reverse = api.get(String.format(Locale.ROOT, "/api/v1/places/reverse?lat=%.6f&lon=%.6f",
                plate.get("lat").asDouble(), plate.get("lon").asDouble()), null);
        assertThat(reverse.status()).isEqualTo(200);
        assertThat(reverse.json().get("place").get("label").asString()).isEqualTo("广济路12号");
        assertThat(reverse.json().get("place").get("road").asString()).isEqualTo("广济路");
    }

    @Test
    void anImportIsCheckedWholeAndRefusedWithEveryBadLineNamed() {
        String admin = api.login("admin");
        JsonNode plate = geocode("广济路12号").get("candidates").get(0);
        double lat = plate.get("lat").asDouble();
        double lon = plate.get("lon").asDouble();
        String bad = HEADER
                + row("TBAD-1", "ROAD", "", "", "晓岚路", lat + 0.001, lon, line(lat + 0.001, lon))
                + row("TBAD-1", "ROAD", "", "", "晓岚东路", lat + 0.002, lon, "")
                + row("TBAD-2", "DOORPLATE", "", "NOPE", "8号", lat, lon, "")
                + row("TBAD-3", "PLACE", "MARKET", "", "北京饭店", 39.9, 116.4, "");
        var refused = api.postRaw("/api/v1/admin/places/import", admin, "text/csv", bad.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("line 3", "line 4", "line 5").contains("重复", "不存在", "网格");
        assertThat(geocode("晓岚路").get("found").asBoolean()).isFalse();

        var columns = api.postRaw("/api/v1/admin/places/import", admin, "text/csv",
                "id,name\n1,x\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(columns.status()).isEqualTo(422);
        assertThat(columns.body()).contains("line 1");
        var gbk = api.postRaw("/api/v1/admin/places/import", admin, "text/csv",
                (HEADER + row("TGBK-1", "ROAD", "", "", "晓岚路", lat, lon, "")).getBytes(Charset.forName("GBK")),
                Map.of());
        assertThat(gbk.status()).isEqualTo(422);
        assertThat(gbk.body()).contains("UTF-8");
        assertThat(api.get("/api/v1/admin/places/import", null).status()).isIn(401, 405);
    }

    @Test
    void anImportedRoadIsFoundAtOnceAndItsHistoryKept() {
        String admin = api.login("admin");
        JsonNode plate = geocode("广济路12号").get("candidates").get(0);
        double lat = plate.get("lat").asDouble() + 0.0015;
        double lon = plate.get("lon").asDouble();
        String code = "T" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        String csv = HEADER + row(code, "ROAD", "", "", "晓晴路", lat, lon, line(lat, lon))
                + row(code + "-8", "DOORPLATE", "", code, "8号", lat + 0.0001, lon + 0.0005, "");
        var done = api.postRaw("/api/v1/admin/places/import?reason=" + URLEncoder.encode("新建道路", StandardCharsets.UTF_8),
                admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("created").asInt()).isEqualTo(2);

        // the index is dropped once the import commits (cluster signal): wait for the new doorplate to be found
        JsonNode found = await().atMost(Duration.ofSeconds(20)).until(() -> geocode("晓晴路8号"),
                g -> g.get("found").asBoolean() && g.get("candidates").get(0).get("code").asString().equals(code + "-8"));
        assertThat(found.get("candidates").get(0).get("confidence").asDouble()).isEqualTo(1.0);

        var again = api.postRaw("/api/v1/admin/places/import", admin, "text/csv", csv.replace("晓晴路", "晓晴大道")
                .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(again.json().get("changed").asInt()).isEqualTo(1);
        JsonNode history = api.get("/api/v1/admin/places/changes?code=" + code, admin).json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("action").asString()).isEqualTo("CHANGED");
        assertThat(history.get(0).get("before").asString()).contains("晓晴路");
        assertThat(history.get(0).get("after").asString()).contains("晓晴大道");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("新建道路");
        // an import that gave no reason is worded in the reader's language; a reason given stays as written
        assertThat(jdbc.queryForObject("select count(*) from places_change where code = ? and reason is null",
                Long.class, code)).as("no word stored, in no language").isEqualTo(1);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("导入");
        JsonNode english = api.get("/api/v1/admin/places/changes?code=" + code, admin,
                Map.of("Accept-Language", "en-US,en;q=0.9")).json();
        assertThat(english.get(0).get("reason").asString()).isEqualTo("Imported");
        assertThat(english.get(1).get("reason").asString()).isEqualTo("新建道路");
        assertThat(PageSession.login(port(), "admin").get("/admin/places?lang=en").body())
                .contains("<td>Imported</td>").doesNotContain("<td>导入</td>");
        assertThat(history.get(1).get("by").asString()).isEqualTo("admin");

        var export = api.get("/api/v1/admin/places/export.csv", admin);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).startsWith("\"code\",\"level\"").contains("\"" + code + "-8\",\"DOORPLATE\"");
    }

    @Test
    void theMapLayerShowsNamedRoadsAndPlacesAndDoorplatesAtStreetZoom() {
        JsonNode plate = geocode("广济路12号").get("candidates").get(0);
        double lat = plate.get("lat").asDouble();
        double lon = plate.get("lon").asDouble();
        String bbox = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", lon - 0.003, lat - 0.003, lon + 0.003, lat + 0.003);
        JsonNode street = api.get("/api/v1/places/layer?zoom=17&bbox=" + bbox, null).json();
        assertThat(street.get("type").asString()).isEqualTo("FeatureCollection");
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<String> levels = new java.util.ArrayList<>();
        street.get("features").forEach(f -> {
            names.add(f.get("properties").get("name").asString());
            levels.add(f.get("properties").get("level").asString());
        });
        assertThat(names).contains("广济路", "广济路12号");
        JsonNode city = api.get("/api/v1/places/layer?zoom=13&bbox=" + bbox, null).json();
        city.get("features").forEach(f -> assertThat(f.get("properties").get("level").asString())
                .isIn("ROAD", "PLACE", "COMMUNITY"));
        assertThat(api.get("/api/v1/places/layer?bbox=1,2,3", null).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/places/layer?bbox=110,30,120,40", null).status()).isEqualTo(422);
    }

    @Test
    void theAdminPageShowsTheGazetteerInBothLanguages() {
        PageSession admin = PageSession.login(port(), "admin");
        var zh = admin.get("/admin/places");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("标准地址库", "门牌", "id=\"import-form\"", "id=\"change-list\"");
        var en = admin.get("/admin/places?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Address gazetteer", "Doorplate").doesNotContain("门牌");
    }

    @Test
    void aGeoJsonImportIsCheckedWholeAndRefusedWithEveryBadFeatureNamed() {
        String admin = api.login("admin");
        JsonNode plate = geocode("广济路12号").get("candidates").get(0);
        double lat = plate.get("lat").asDouble();
        double lon = plate.get("lon").asDouble();
        String bad = collection(
                road("TGJ-1", "晓岚路", lat + 0.001, lon),
                point("TGJ-1", "ROAD", null, null, "晓岚东路", lat + 0.002, lon),
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat
                        + "],[" + (lon + 0.001) + "," + lat + "],[" + lon + "," + (lat + 0.001) + "],[" + lon + "," + lat
                        + "]]]},\"properties\":{\"code\":\"TGJ-2\",\"level\":\"PLACE\",\"kind\":\"PARK\",\"name\":\"晓岚公园\"}}",
                point("TGJ-3", "PLACE", "MARKET", null, "北京饭店", 39.9, 116.4),
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"117.5\",34.8]},"
                        + "\"properties\":{\"code\":\"TGJ-4\",\"level\":\"ROAD\",\"name\":\"晓岚西路\"}}",
                point("TGJ-5", "DOORPLATE", null, "NOPE", "8号", lat, lon));
        var refused = api.postRaw("/api/v1/admin/places/import", admin, "application/geo+json",
                bad.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("features[1]", "features[2]", "features[3]", "features[4]", "features[5]")
                .doesNotContain("features[0]").contains("重复", "Polygon", "网格", "两个数字", "不存在");
        assertThat(geocode("晓岚路").get("found").asBoolean()).isFalse();

        var notGeoJson = api.postRaw("/api/v1/admin/places/import", admin, "application/geo+json",
                "{\"type\":\"Feature\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(notGeoJson.status()).isEqualTo(422);
        assertThat(notGeoJson.body()).contains("FeatureCollection");
        var broken = api.postRaw("/api/v1/admin/places/import", admin, "application/geo+json",
                "{\"type\":\"FeatureCollection\",\n\"features\":[".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).contains("JSON");
        var gbk = api.postRaw("/api/v1/admin/places/import", admin, "application/geo+json",
                collection(road("TGJ-6", "晓岚路", lat, lon)).getBytes(Charset.forName("GBK")), Map.of());
        assertThat(gbk.status()).isEqualTo(422);
        assertThat(gbk.body()).contains("UTF-8");
        var empty = api.postRaw("/api/v1/admin/places/import", admin, "application/geo+json",
                collection().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("没有任何条目");
    }

    @Test
    void aGeoJsonRoadAndItsDoorplateAreImportedFoundAndExported() {
        String admin = api.login("admin");
        JsonNode plate = geocode("广济路12号").get("candidates").get(0);
        double lat = plate.get("lat").asDouble() - 0.0015;
        double lon = plate.get("lon").asDouble();
        String code = "G" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        String file = collection(road(code, "晓雯路", lat, lon),
                point(code + "-6", "DOORPLATE", null, code, "6号", lat + 0.0001, lon + 0.0005));
        var done = api.postRaw("/api/v1/admin/places/import?reason=" + URLEncoder.encode("新建道路", StandardCharsets.UTF_8),
                admin, "application/geo+json", file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("created").asInt()).isEqualTo(2);
        JsonNode found = await().atMost(Duration.ofSeconds(20)).until(() -> geocode("晓雯路6号"),
                g -> g.get("found").asBoolean() && g.get("candidates").get(0).get("code").asString().equals(code + "-6"));
        assertThat(found.get("candidates").get(0).get("confidence").asDouble()).isEqualTo(1.0);
        // the same file again changes nothing
        var again = api.postRaw("/api/v1/admin/places/import", admin, "application/geo+json",
                file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/admin/places/changes?code=" + code, admin).json().size()).isEqualTo(1);

        var export = api.get("/api/v1/admin/places/export.geojson", admin);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/geo+json");
        JsonNode road = null;
        for (JsonNode f : export.json().get("features")) {
            if (f.get("id").asString().equals(code)) {
                road = f;
            }
        }
        assertThat(road).isNotNull();
        assertThat(road.get("geometry").get("type").asString()).isEqualTo("LineString");
        assertThat(road.get("geometry").get("coordinates").size()).isEqualTo(2);
        assertThat(road.get("properties").get("name").asString()).isEqualTo("晓雯路");
        assertThat(road.get("properties").get("point").get(1).asDouble()).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(api.get("/api/v1/admin/places/export.geojson", null).status()).isIn(401, 403);
    }

    @Autowired
    private GazetteerImport gazetteer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    /**
     * The whole gazetteer exported as GeoJSON and imported into an empty gazetteer gives the same content: the CSV
     * export (every column, six decimals) before equals the one after. Done in a transaction rolled back at the end,
     * so the other tests keep the demo gazetteer.
     */
    @Test
    void theExportedGeoJsonImportedIntoAnEmptyGazetteerGivesTheSameContent() {
        String admin = api.login("admin");
        byte[] geojson = api.get("/api/v1/admin/places/export.geojson", admin).body().getBytes(StandardCharsets.UTF_8);
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            String before = csv();
            long elements = jdbc.queryForObject("select count(*) from places_element", Long.class);
            assertThat(elements).isGreaterThan(30_000);
            jdbc.update("delete from places_element");
            assertThat(csv().lines().count()).isEqualTo(1);
            var outcome = gazetteer.importGeoJson(geojson, "admin", "round trip");
            assertThat(outcome.created()).isEqualTo((int) elements);
            String after = csv();
            assertThat(after.lines().count()).isEqualTo(elements + 1);
            assertThat(after).isEqualTo(before);
            status.setRollbackOnly();
        });
    }

    private String csv() {
        var out = new java.io.StringWriter();
        gazetteer.exportCsv(out);
        return out.toString();
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",\n", features) + "]}";
    }

    private static String road(String code, String name, double lat, double lon) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"id\":\"%s\",\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[%.6f,%.6f],[%.6f,%.6f]]},\"properties\":{\"code\":\"%s\",\"level\":\"ROAD\","
                + "\"name\":\"%s\",\"aliases\":[\"%s\"],\"point\":[%.6f,%.6f]}}", code, lon - 0.002, lat, lon + 0.002,
                lat, code, name, name.replace("路", "街"), lon, lat);
    }

    private static String point(String code, String level, String kind, String parent, String name, double lat,
            double lon) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                + "[%.6f,%.6f]},\"properties\":{\"code\":\"%s\",\"level\":\"%s\"%s%s,\"name\":\"%s\"}}", lon, lat,
                code, level, kind == null ? "" : ",\"kind\":\"" + kind + "\"",
                parent == null ? "" : ",\"parent\":\"" + parent + "\"", name);
    }

    private static String row(String code, String level, String kind, String parent, String name, double lat, double lon,
            String line) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s,,,%.6f,%.6f,%s%n", code, level, kind, parent, name, lat, lon,
                line);
    }

    private static String line(double lat, double lon) {
        return String.format(Locale.ROOT, "%.6f %.6f;%.6f %.6f", lon - 0.002, lat, lon + 0.002, lat);
    }
}
