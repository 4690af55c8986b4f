package cn.civicloop.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * The registry over HTTP (all-or-nothing imports with every bad row named, GBK, GeoJSON, exports, history), the
 * nearest cameras (order, radius), and a footage request on a case: asked by the operator, on the case's timeline,
 * answered by the video centre; who sees which request.
 */
class CamerasApiTests extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static final String BASE = "/api/v1/cameras";
    static final String HEADER = "code,name,lat,lon,owner,status,kind\n";

    private Api.Answer importCsv(String csv, Charset charset) {
        return api.postRaw(BASE + "/import?reason=test", api.login("admin"), "text/csv", csv.getBytes(charset),
                Map.of());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String row(String code, double lat, double lon, String status) {
        return String.format(Locale.ROOT, "%s,测试点位%s,%.6f,%.6f,区视频监控中心,%s,球机\n", code, code, lat, lon, status);
    }

    @Test
    void anImportWithoutAReasonKeepsNoneAndAnEarlierRowsWordIsReadAsNone() {
        String t = tag();
        Api.Answer imported = api.postRaw(BASE + "/import", api.login("admin"), "text/csv",
                (HEADER + row("R" + t + "-1", 34.83, 117.56, "ONLINE")).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        jdbc.sql("insert into cameras_camera_history (code, at, actor, action, before_value, after_value, reason) "
                + "values (?, ?, 'admin', 'CHANGED', 'x', 'y', '导入')")
                .params("R" + t + "-1", java.sql.Timestamp.from(Instant.now())).update();
        JsonNode history = api.get(BASE + "/history?code=R" + t + "-1", api.login("admin")).json();
        assertThat(history).hasSize(2).allSatisfy(h -> assertThat(h.path("reason").isNull()
                || h.path("reason").isMissingNode()).as(h.toString()).isTrue());
        String english = PageSession.login(port(), "admin").get("/cameras?lang=en").body();
        assertThat(english).doesNotContain(">导入<");
    }

    @Test
    void aFileWithABadRowImportsNothingAndNamesEveryBadLine() {
        String t = tag();
        Api.Answer refused = importCsv(HEADER + row("T" + t + "-1", 30.5, 114.3, "ONLINE")
                + row("T" + t + "-2", 30.5, 214.3, "ONLINE") + row("T" + t + "-3", 30.5, 114.3, "UNKNOWN"),
                StandardCharsets.UTF_8);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body()).contains("line 3", "line 4").doesNotContain("line 2\"");
        assertThat(api.get(BASE + "?text=T" + t, api.login("admin")).json().size()).isZero();

        Api.Answer gbk = importCsv(HEADER + row("T" + t + "-1", 30.5, 114.3, "在线"), Charset.forName("GBK"));
        assertThat(gbk.status()).as(gbk.body()).isEqualTo(200);
        assertThat(gbk.json().get("created").asInt()).isEqualTo(1);
        JsonNode listed = api.get(BASE + "?text=T" + t, api.login("admin")).json();
        assertThat(listed.get(0).get("name").asString()).isEqualTo("测试点位T" + t + "-1");

        // the same file again changes nothing; a changed status is a change with its history
        assertThat(importCsv(HEADER + row("T" + t + "-1", 30.5, 114.3, "在线"), StandardCharsets.UTF_8).json()
                .get("unchanged").asInt()).isEqualTo(1);
        assertThat(api.post(BASE + "/T" + t + "-1/status", api.login("admin"),
                Map.of("status", "MAINTENANCE", "reason", "镜头更换")).status()).isEqualTo(200);
        JsonNode history = api.get(BASE + "/history?code=T" + t + "-1", api.login("admin")).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("action").asString()).isEqualTo("CHANGED");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("镜头更换");
        assertThat(history.get(1).get("action").asString()).isEqualTo("CREATED");

        assertThat(api.get(BASE + "/export.csv", api.login("admin")).body()).contains("\"T" + t + "-1\"", "MAINTENANCE");
        assertThat(api.get(BASE + "/export.geojson", api.login("admin")).body()).contains("\"T" + t + "-1\"");
        // the registry is the administrator's; a handler reads only the nearest cameras
        assertThat(api.get(BASE + "?text=T" + t, api.login("zfj")).status()).isEqualTo(403);
    }

    @Test
    void geoJsonImportsAndABadFeatureIsNamedByItsIndex() {
        String t = tag();
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                + "\"properties\":{\"code\":\"%s\",\"name\":\"卡口\",\"owner\":\"交警大队\",\"status\":\"ONLINE\",\"kind\":\"卡口\"}}";
        String good = String.format(Locale.ROOT, feature, "114.30", "30.60", "G" + t + "-1");
        String bad = String.format(Locale.ROOT, feature, "\"x\"", "30.60", "G" + t + "-2");
        Api.Answer refused = api.postRaw(BASE + "/import", api.login("admin"), "application/geo+json",
                ("{\"type\":\"FeatureCollection\",\"features\":[" + good + "," + bad + "]}").getBytes(
                        StandardCharsets.UTF_8), Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("feature 1");
        assertThat(api.get(BASE + "?text=G" + t, api.login("admin")).json().size()).isZero();
        Api.Answer ok = api.postRaw(BASE + "/import", api.login("admin"), "application/geo+json",
                ("{\"type\":\"FeatureCollection\",\"features\":[" + good + "]}").getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(api.get(BASE + "?text=G" + t, api.login("admin")).json().get(0).get("kind").asString())
                .isEqualTo("卡口");
    }

    @Test
    void nearestListsTheCamerasWithinTheRadiusNearestFirst() {
        String t = tag();
        // a spot of this test's own, far from the district and from other tests' cameras
        double lat = 40 + Math.abs(t.hashCode() % 1000) / 1000.0, lon = 100.0;
        double m = 1 / 111_195.0;
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append(row("N" + t + "-300", lat + 300 * m, lon, "ONLINE"));
        csv.append(row("N" + t + "-100", lat - 100 * m, lon, "OFFLINE"));
        csv.append(row("N" + t + "-200", lat + 200 * m, lon, "ONLINE"));
        csv.append(row("N" + t + "-900", lat + 900 * m, lon, "ONLINE"));
        assertThat(importCsv(csv.toString(), StandardCharsets.UTF_8).status()).isEqualTo(200);
        String q = BASE + "/nearest?lat=" + lat + "&lon=" + lon;
        JsonNode near = api.get(q + "&radius=500", api.login("operator")).json();
        List<String> codes = new ArrayList<>();
        near.forEach(c -> codes.add(c.get("code").asString()));
        assertThat(codes).containsExactly("N" + t + "-100", "N" + t + "-200", "N" + t + "-300");
        assertThat(near.get(0).get("status").asString()).isEqualTo("OFFLINE");
        assertThat(near.get(0).get("distanceMeters").asDouble()).isBetween(99.0, 101.0);
        assertThat(api.get(q + "&radius=150", api.login("operator")).json()).hasSize(1);
        assertThat(api.get(q + "&radius=1000&limit=2", api.login("operator")).json()).hasSize(2);
        assertThat(api.get(q + "&radius=999999", api.login("operator")).status()).isEqualTo(422);
    }

    @Test
    void aFootageRequestOnACaseIsOnItsTimelineAndTheVideoCentreAnswersIt() {
        String t = tag();
        double lat = 34.8350, lon = 117.5530;
        assertThat(importCsv(HEADER + row("F" + t + "-1", lat + 0.0003, lon, "ONLINE")
                + row("F" + t + "-2", lat + 0.0006, lon, "ONLINE"), StandardCharsets.UTF_8).status()).isEqualTo(200);
        Map<String, Object> a = appeal("夜间有人在路口倾倒建筑垃圾");
        a.put("location", Map.of("lat", lat, "lon", lon));
        String number = submit(a).text("number");
        api.ok("operator", number, "register", Map.of(), "REGISTERED");
        api.ok("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ")), "ASSIGNED");

        // the panel of the case lists the nearest cameras
        String panel = PageSession.login(port(), "operator").get("/cameras/panel?kind=CASE&ref=" + number).body();
        assertThat(panel).contains("F" + t + "-1", "F" + t + "-2");
        assertThat(panel.indexOf("F" + t + "-1")).isLessThan(panel.indexOf("F" + t + "-2"));

        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("subjectKind", "CASE");
        ask.put("subjectRef", number);
        ask.put("cameraCodes", List.of("F" + t + "-1"));
        ask.put("purpose", "核实倾倒时间和车辆");
        // a department that does not hold the case may not ask on it
        assertThat(api.post(BASE + "/footage", api.login("jtj"), ask).status()).isIn(403, 404);
        Api.Answer asked = api.post(BASE + "/footage", api.login("zfj"), ask);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        JsonNode request = asked.json();
        long id = request.get("id").asLong();
        assertThat(request.get("status").asString()).isEqualTo("OPEN");
        assertThat(request.get("overdue").asBoolean()).isFalse();
        assertThat(Instant.parse(request.get("dueAt").asString()))
                .isAfter(Instant.parse(request.get("requestedAt").asString()));
        // the case's timeline names the request in the reader's language; its purpose as the requester wrote it
        assertThat(steps(number, "zh_CN")).anyMatch(s -> s.startsWith("调取视频申请（第 " + id + " 号，")
                && s.contains("点位 F" + t + "-1；") && s.endsWith("：核实倾倒时间和车辆"));
        assertThat(steps(number, "en")).anyMatch(s -> s.startsWith("Footage request no. " + id + " by ")
                && s.contains("cameras F" + t + "-1; ") && s.endsWith(": 核实倾倒时间和车辆"))
                .filteredOn(s -> s.contains("Footage request"))
                .allSatisfy(s -> assertThat(s.replace("核实倾倒时间和车辆", "").replaceAll("by \\S+,", "by,"))
                        .doesNotContainPattern("\\p{IsHan}"));

        // who sees it: the asking department (its head too), the video centre, the leader; not another department
        assertThat(api.get(BASE + "/footage/" + id, api.login("zfj-head")).status()).isEqualTo(200);
        assertThat(api.get(BASE + "/footage/" + id, api.login("video")).status()).isEqualTo(200);
        assertThat(api.get(BASE + "/footage/" + id, api.login("leader")).status()).isEqualTo(200);
        assertThat(api.get(BASE + "/footage/" + id, api.login("jtj")).status()).isEqualTo(404);
        assertThat(ids(api.get(BASE + "/footage", api.login("jtj")).json())).doesNotContain(id);
        assertThat(ids(api.get(BASE + "/footage?open=true", api.login("video")).json())).contains(id);
        assertThat(ids(api.get(BASE + "/footage", api.login("zfj-head")).json())).contains(id);

        // only the video centre answers
        Map<String, Object> answer = Map.of("footage", true, "archiveRef", "XL-ARCH-" + t, "text", "已刻录备查");
        assertThat(api.post(BASE + "/footage/" + id + "/answer", api.login("zfj"), answer).status()).isEqualTo(403);
        Api.Answer answered = api.post(BASE + "/footage/" + id + "/answer", api.login("video"), answer);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("archiveRef").asString()).isEqualTo("XL-ARCH-" + t);
        assertThat(api.post(BASE + "/footage/" + id + "/answer", api.login("video"), answer).status()).isEqualTo(409);
        assertThat(steps(number, "zh_CN")).anyMatch(s -> s.startsWith("视频中心答复调取申请（第 " + id + " 号，")
                && s.contains("）：视频已调取：XL-ARCH-" + t + "（") && s.endsWith("：已刻录备查"));
        assertThat(steps(number, "en")).anyMatch(s -> s.startsWith("The video centre answered footage request no. "
                + id + " (") && s.contains("): footage retrieved: XL-ARCH-" + t + " (") && s.endsWith(": 已刻录备查"));
        assertThat(timeline(number)).as("the timeline keeps the step's values, not a sentence")
                .anyMatch(s -> s.contains("FOOTAGE_ANSWERED[" + id + "|"));
        JsonNode one = api.get(BASE + "/footage/" + id, api.login("zfj")).json();
        assertThat(one.get("history")).hasSize(2);
    }

    @Test
    void aRequestWithoutFootageNeedsItsReasonAndATopicsRequestKeepsItsOwnHistory() {
        String t = tag();
        assertThat(importCsv(HEADER + row("P" + t + "-1", 34.83, 117.56, "ONLINE"), StandardCharsets.UTF_8)
                .status()).isEqualTo(200);
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("subjectKind", "TOPIC");
        ask.put("subjectRef", "OT" + t);
        ask.put("cameraCodes", List.of("P" + t + "-1", "NO-SUCH-" + t));
        ask.put("purpose", "核实网帖所述聚集情况");
        Api.Answer unknown = api.post(BASE + "/footage", api.login("opinion"), ask);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("NO-SUCH-" + t);
        ask.put("cameraCodes", List.of("P" + t + "-1"));
        long id = api.post(BASE + "/footage", api.login("opinion"), ask).json().get("id").asLong();
        assertThat(api.post(BASE + "/footage/" + id + "/answer", api.login("video"), Map.of("footage", false))
                .status()).isEqualTo(422);
        JsonNode none = api.post(BASE + "/footage/" + id + "/answer", api.login("video"),
                Map.of("footage", false, "text", "该点位当日离线，无录像")).json();
        assertThat(none.get("status").asString()).isEqualTo("NO_FOOTAGE");
        String panel = PageSession.login(port(), "opinion").get("/cameras/panel?kind=TOPIC&ref=OT" + t
                + "&lat=34.83&lon=117.56").body();
        assertThat(panel).contains("该点位当日离线，无录像", "P" + t + "-1");
        // the history's lines hold data and the person's words; the step is the action, named in the reader's language
        String english = PageSession.login(port(), "opinion").get("/cameras/panel?kind=TOPIC&ref=OT" + t
                + "&lat=34.83&lon=117.56&lang=en").body();
        assertThat(english).contains("该点位当日离线，无录像", "核实网帖所述聚集情况")
                .doesNotContain("无可用视频", " 至 ", "申请调取");
    }

    private List<String> steps(String number, String lang) {
        return cn.civicloop.support.TimelineSteps.of(port(), "operator", number, lang);
    }

    private List<String> timeline(String number) {
        List<String> lines = new ArrayList<>();
        api.get("/api/v1/cases/" + number + "/timeline", api.login("operator")).json()
                .forEach(e -> lines.add(e.toString()));
        return lines;
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }
}
