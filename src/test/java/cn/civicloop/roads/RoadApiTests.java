package cn.civicloop.roads;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The road chiefs' API over HTTP: the demo network, reporting and handing over issues, fixing on the spot,
 * patrols and coverage, grid reports into intake, GeoJSON import/export, the public sign, and who may do what.
 */
class RoadApiTests extends ApiTest {

    @Autowired
    RoadData data;

    @Autowired
    Jurisdictions jurisdictions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theDemoNetworkHasSixteenAreas37SquadsAnd557InspectorsAllInsideTheDistrict() {
        // the demo network's segments (R..); the GeoJSON test adds its own
        List<Segment> segments = data.segments().stream().filter(s -> s.code().startsWith("R")).toList();
        assertThat(data.areas()).hasSize(16);
        assertThat(segments).hasSize(64);
        assertThat(data.chiefs().stream().filter(c -> c.level() == 3)).hasSize(557);
        assertThat(data.chiefs().stream().filter(c -> c.level() == 2)).hasSize(37);
        assertThat(segments.stream().map(Segment::name)).contains("广济路", "君山东路", "建设北路");
        for (Segment s : segments) {
            for (double[] c : s.coordinates()) {
                assertThat(jurisdictions.withinDistrict(new GeoPoint(c[1], c[0]))).as(s.code()).isTrue();
            }
            assertThat(data.chiefsOf(s).stream().map(c -> c.level()).distinct()).as(s.code()).containsExactly(1, 2, 3);
        }
        assertThat(data.chiefByUsername("road3").orElseThrow().level()).isEqualTo(3);
    }

    @Test
    void anIssueTheInspectorCannotFixGoesToHisSquadLeaderWhoHandsItToTheLoop() {
        Segment s = data.segmentByCode("R01-1").orElseThrow();
        double[] mid = s.coordinates().get(1);
        Api.Answer reported = api.post("/api/v1/roads/issues", api.login("road3"), Map.of(
                "title", "广济路井盖破损", "description", "人行道井盖破损下陷，需要更换", "lat", mid[1], "lon", mid[0]));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        JsonNode issue = reported.json();
        long id = issue.get("id").asLong();
        assertThat(issue.get("segmentCode").asString()).isEqualTo("R01-1");
        assertThat(issue.get("status").asString()).isEqualTo("PENDING");
        assertThat(issue.get("holderName").asString()).isEqualTo("袁轩"); // road2, leader of squad S01

        // another squad's leader can neither see nor act on it
        assertThat(api.get("/api/v1/roads/issues/" + id, api.login("road2b")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/roads/issues/" + id + "/hand-over", api.login("road2b"), Map.of("remark", "x")).status())
                .isEqualTo(403);
        // nor can the inspector who passed it up
        assertThat(api.post("/api/v1/roads/issues/" + id + "/resolve", api.login("road3"), Map.of("remark", "x")).status())
                .isEqualTo(403);

        Api.Answer handed = api.post("/api/v1/roads/issues/" + id + "/hand-over", api.login("road2"),
                Map.of("remark", "需住建部门更换井盖"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        String number = handed.text("caseNumber");
        assertThat(number).startsWith("SZ-");
        assertThat(handed.text("status")).isEqualTo("HANDED_OVER");
        JsonNode c = api.get("/api/v1/cases/" + number, api.login("dispatcher")).json();
        assertThat(c.get("channel").asString()).isEqualTo("ROAD_CHIEF");
        assertThat(c.get("title").asString()).isEqualTo("广济路井盖破损");
        assertThat(c.get("content").asString()).as("the chief's description alone").isEqualTo("人行道井盖破损下陷，需要更换");
        // who handed it over, the issue and his note: an internal note worded in the reader's language
        assertThat(steps(number, "zh_CN")).contains("路长移交（二级路长" + chiefName("road2") + "，路长问题编号 " + id
                + "）：需住建部门更换井盖");
        assertThat(steps(number, "en")).contains("Handed over by level-2 road chief " + chiefName("road2")
                + " (road issue no. " + id + "): 需住建部门更换井盖");
        // a second hand-over is refused: the issue is no longer pending
        assertThat(api.post("/api/v1/roads/issues/" + id + "/hand-over", api.login("road2"), Map.of()).status()).isEqualTo(409);
    }

    @Test
    void anIssueFixedOnTheSpotIsAClosedCaseWithItsPhotos() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", "君山东路树枝遮挡路灯");
        form.put("description", "树枝遮挡路灯");
        form.put("segmentCode", "R02-1");
        form.put("fixedOnSpot", true);
        form.put("resolution", "已现场修剪");
        Api.Answer a = api.postMultipart("/api/v1/roads/issues", api.login("road3"), "issue", form, "before",
                Map.of("before.png", png()));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.text("status")).isEqualTo("FIXED");
        assertThat(a.json().get("fixedOnSpot").asBoolean()).isTrue();
        JsonNode c = api.get("/api/v1/cases/" + a.text("caseNumber"), api.login("operator")).json();
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        assertThat(c.get("attachments").size()).isEqualTo(1);
        assertThat(c.get("replyText").asString()).as("the reply is the chief's own account").isEqualTo("已现场修剪");
        // who fixed it is a step of the timeline, named in the reader's language
        String number = a.text("caseNumber");
        assertThat(steps(number, "zh_CN")).contains("路长即知即改（三级路长" + chiefName("road3") + "现场处置）：已现场修剪");
        assertThat(steps(number, "en")).contains("Fixed on the spot by level-3 road chief " + chiefName("road3")
                + ": 已现场修剪");

        form.put("resolution", null);
        Api.Answer noResolution = api.postMultipart("/api/v1/roads/issues", api.login("road3"), "issue", form, "before",
                Map.of("before.png", png()));
        assertThat(noResolution.status()).isEqualTo(422);
    }

    @Test
    void aPatrolTrackCoversTheSegmentsItRunsAlong() {
        String token = api.login("road2b");
        Api.Answer started = api.post("/api/v1/roads/patrols", token, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        long patrol = started.json().get("id").asLong();
        Segment s = data.segmentByCode("R03-4").orElseThrow();
        List<Map<String, Object>> points = new ArrayList<>();
        // along the segment from 2 % to 98 % of it (its end points are shared with the next segments)
        double[] a = s.coordinates().get(0);
        double[] b = s.coordinates().get(s.coordinates().size() - 1);
        for (double t : new double[] {0.02, 0.3, 0.6, 0.98}) {
            points.add(Map.of("lat", a[1] + t * (b[1] - a[1]), "lon", a[0] + t * (b[0] - a[0])));
        }
        points.add(Map.of("lat", 34.70, "lon", 117.30)); // off every road
        Api.Answer tracked = api.post("/api/v1/roads/patrols/" + patrol + "/track", token, points);
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        assertThat(tracked.json().get("onRoad").asInt()).isEqualTo(4);
        // someone else's patrol
        assertThat(api.post("/api/v1/roads/patrols/" + patrol + "/track", api.login("road3"), points).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/roads/patrols/" + patrol + "/stop", token, Map.of()).json().get("endedAt").isNull())
                .isFalse();

        String from = java.time.Instant.now().minusSeconds(3600).toString();
        String to = java.time.Instant.now().plusSeconds(3600).toString();
        JsonNode coverage = api.get("/api/v1/roads/coverage?from=" + from + "&to=" + to, api.login("road1")).json();
        JsonNode item = null;
        for (JsonNode i : coverage.get("items")) {
            if (i.get("code").asString().equals("R03-4")) {
                item = i;
            }
        }
        assertThat(item.get("covered").asBoolean()).isTrue();
        assertThat(item.get("share").asDouble()).isGreaterThan(0.9);
        assertThat(api.get("/api/v1/roads/coverage?from=" + from + "&to=" + to, api.login("road3")).status()).isEqualTo(403);
    }

    @Test
    void gridWorkersReportIntoIntakeOnTheirChannel() {
        Api.Answer a = api.post("/api/v1/roads/field-reports", api.login("grid1"), Map.of("channel", "VILLAGE_AUX_POLICE",
                "clientRef", UUID.randomUUID().toString(), "title", "村口路灯不亮", "content", "村口两盏路灯连续三晚不亮",
                "lat", 34.8597, "lon", 117.5546));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode c = api.get("/api/v1/cases/" + a.text("number"), api.login("dispatcher")).json();
        assertThat(c.get("channel").asString()).isEqualTo("VILLAGE_AUX_POLICE");
        assertThat(api.post("/api/v1/roads/field-reports", api.login("road3"), Map.of("title", "x", "content", "y")).status())
                .isEqualTo(403);
    }

    @Test
    void ownersOfTheRoadsApi() {
        assertThat(api.get("/api/v1/roads/patrols/current", api.login("zfj")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/roads/issues", api.login("zfj")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/roads/segments", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/roads/briefing", api.login("road3")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/roads/briefing?week=2026-W48", api.login("road2")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/roads/briefing?week=2026-W99", api.login("leader")).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/admin/roads/geojson", api.login("road1")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/roads/snap?lat=34.70&lon=117.30", api.login("road3")).status()).isEqualTo(204);
    }

    @Test
    void thePublicSignShowsTheChiefsWithMaskedPhones() {
        Api.Answer page = api.get("/roads/signs/R01-1", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("广济路", "韦斌", "袁轩", "139****0516", "0632-3312000")
                .doesNotContain("13999250516", "13921678993");
    }

    @Test
    void geoJsonExportAndImport() throws Exception {
        String admin = api.login("admin");
        JsonNode exported = api.get("/api/v1/admin/roads/geojson", admin).json();
        assertThat(exported.get("features").size()).isGreaterThanOrEqualTo(64);

        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        double lon = 117.5201 + new java.util.Random().nextDouble() * 0.002; // a fresh line on a kept database
        Map<String, Object> feature = Map.of("type", "Feature",
                "properties", Map.of("code", code, "name", "测试新路", "area", "A05", "squad", "S10", "inspectors", List.of("I0140")),
                "geometry", Map.of("type", "LineString", "coordinates", List.of(List.of(lon, 34.8601), List.of(lon, 34.8651))));
        Api.Answer imported = api.put("/api/v1/admin/roads/geojson", admin, Map.of("type", "FeatureCollection", "features", List.of(feature)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode snap = api.get("/api/v1/roads/snap?lat=34.8625&lon=" + lon + "&tolerance=0.5", api.login("road3")).json();
        assertThat(snap.get("segmentCode").asString()).isEqualTo(code);

        Map<String, Object> bad = Map.of("type", "Feature", "properties", Map.of("code", "X", "name", "坏", "area", "NOPE"),
                "geometry", Map.of("type", "LineString", "coordinates", List.of(List.of(117.52, 34.86), List.of(117.53, 34.86))));
        Api.Answer refused = api.put("/api/v1/admin/roads/geojson", admin, Map.of("type", "FeatureCollection", "features", List.of(bad)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("area");
    }

    @Test
    void aRefusalIsAnsweredInOneLanguage() {
        String road3 = api.login("road3");
        Map<String, String> english = Map.of("Accept-Language", "en-US,en;q=0.9");
        // a field problem of the request's validation
        Map<String, Object> untitled = Map.of("title", " ", "segmentCode", "R01-1");
        Api.Answer zh = api.post("/api/v1/roads/issues", road3, untitled);
        assertThat(zh.status()).as(zh.body()).isEqualTo(400);
        assertThat(reason(zh)).isEqualTo("请填写问题");
        Api.Answer en = api.post("/api/v1/roads/issues", road3, untitled, english);
        assertThat(reason(en)).isEqualTo("Say what the issue is");
        assertThat(en.body()).doesNotContainPattern("\\p{IsHan}");

        // a refusal with data in it, in the detail and in the field's reason
        Map<String, Object> bad = Map.of("type", "Feature", "properties", Map.of("code", "X", "name", "X", "area", "NOPE"),
                "geometry", Map.of("type", "LineString", "coordinates", List.of(List.of(117.52, 34.86), List.of(117.53, 34.86))));
        Map<String, Object> collection = Map.of("type", "FeatureCollection", "features", List.of(bad));
        Api.Answer unknownArea = api.put("/api/v1/admin/roads/geojson", api.login("admin"), collection);
        assertThat(unknownArea.status()).isEqualTo(422);
        assertThat(unknownArea.text("detail")).isEqualTo("未知片区：NOPE");
        Api.Answer unknownAreaEn = api.put("/api/v1/admin/roads/geojson?lang=en", api.login("admin"), collection);
        assertThat(unknownAreaEn.text("detail")).isEqualTo("Unknown area: NOPE");
        assertThat(reason(unknownAreaEn)).isEqualTo("Unknown area: NOPE");

        // a 404 and a 403
        Api.Answer missing = api.get("/api/v1/roads/whistles/987654321", road3);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("detail")).isEqualTo("没有这次吹哨：987654321");
        assertThat(api.get("/api/v1/roads/whistles/987654321", road3, english).text("detail"))
                .isEqualTo("No such whistle: 987654321");
        Api.Answer notSupervisor = api.get("/api/v1/roads/briefing?week=2026-W48", road3, english);
        assertThat(notSupervisor.status()).isEqualTo(403);
        assertThat(notSupervisor.text("detail")).isEqualTo("For level-1 and level-2 chiefs and district leaders only");
        for (Api.Answer chinese : List.of(zh, unknownArea, missing, api.get("/api/v1/roads/briefing?week=2026-W48", road3))) {
            assertThat(chinese.text("detail")).as("no English gloss").doesNotContain("(").doesNotContainPattern("[a-z]{3}");
        }
    }

    private static String reason(Api.Answer a) {
        return a.json().get("errors").get(0).get("reason").asString();
    }

    @Test
    void theBriefingDownloadIsAWorkbook() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/api/v1/roads/briefing.xlsx?week=2026-W48"))
                .header("Authorization", "Bearer " + api.login("leader")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("片区");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(17); // header, 16 areas, total
        }
        // the requester's language: the API's by its Accept-Language
        HttpResponse<byte[]> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/api/v1/roads/briefing.xlsx?week=2026-W48"))
                .header("Authorization", "Bearer " + api.login("leader")).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(english.body()))) {
            assertThat(book.getSheetName(0)).isEqualTo("Areas 2026-W48");
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Area");
            assertThat(book.getSheetAt(0).getRow(17).getCell(1).getStringCellValue()).isEqualTo("Total");
        }
        assertThat(jdbc.sql("select count(*) from security_audit_log where actor = 'leader' "
                + "and action = 'PERSONAL_DATA_EXPORT' and target = 'road briefing 2026-W48'").query(Long.class).single())
                .as("the chiefs' names left in a workbook: audited").isPositive();
    }

    static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String chiefName(String username) {
        return data.chiefByUsername(username).orElseThrow().name();
    }

    private List<String> steps(String number, String lang) {
        return cn.civicloop.support.TimelineSteps.of(port(), "operator", number, lang);
    }
}
