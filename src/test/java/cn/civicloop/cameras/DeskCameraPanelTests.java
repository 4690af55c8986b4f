package cn.civicloop.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * The camera panel of the 110 desk: for a placed incident it lists the cameras nearest the incident's point, nearest
 * first and none beyond the radius; the desk asks for footage from it and the request, then the video centre's
 * answer, are in the incident's request history on the panel. The video centre's staff get the new request in their
 * inbox, the desk the answer; no one else is written to.
 */
class DeskCameraPanelTests extends ApiTest {

    private static final String DESK = "police-desk";

    @Test
    void theDeskSeesTheNearestCamerasOfTheIncidentAsksForFootageAndTheVideoCentreIsToldAndAnswers() {
        String t = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        double lat = 34.8462, lon = 117.5613;
        // listed in the file out of order: 300 m, 60 m, 150 m to the south, 900 m (beyond the 500 m radius)
        String csv = "code,name,lat,lon,owner,status,kind\n"
                + camera("D" + t + "-300", lat + 0.0027, lon, "ONLINE")
                + camera("D" + t + "-60", lat + 0.00054, lon, "ONLINE")
                + camera("D" + t + "-150", lat - 0.00135, lon, "OFFLINE")
                + camera("D" + t + "-900", lat + 0.0081, lon, "ONLINE");
        Api.Answer imported = api.postRaw("/api/v1/cameras/import?reason=test", api.login("admin"), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Map<String, Object> call = new HashMap<>();
        call.put("type", "THEFT");
        call.put("summary", "电动车被盗 " + t);
        call.put("lat", lat);
        call.put("lon", lon);
        call.put("separate", true);
        Api.Answer entered = api.post("/api/v1/dispatch/incidents", api.login(DESK), call);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        String number = entered.json().get("incident").get("number").asString();

        PageSession desk = PageSession.login(port(), DESK);
        desk.get("/dispatch"); // the desk's page: the panel's form posts with its CSRF token
        String where = "kind=INCIDENT&ref=" + number + "&lat=" + lat + "&lon=" + lon;
        String panel = desk.get("/cameras/panel?" + where).body();
        int at60 = panel.indexOf("D" + t + "-60\"");
        int at150 = panel.indexOf("D" + t + "-150\"");
        int at300 = panel.indexOf("D" + t + "-300\"");
        assertThat(at60).as(panel).isPositive();
        assertThat(at60).isLessThan(at150);
        assertThat(at150).isLessThan(at300);
        assertThat(panel).doesNotContain("D" + t + "-900").contains("60 米", "150 米", "离线");

        String asked = desk.post("/cameras/panel/request", Map.of("kind", "INCIDENT", "ref", number,
                "lat", String.valueOf(lat), "lon", String.valueOf(lon), "camera", "D" + t + "-150",
                "purpose", "查看嫌疑人逃离方向 " + t)).body();
        Matcher id = Pattern.compile("id=\"footage-(\\d+)\"").matcher(asked);
        assertThat(id.find()).as(asked).isTrue();
        long request = Long.parseLong(id.group(1));
        assertThat(asked).contains("待答复", "申请调取", "D" + t + "-150", "查看嫌疑人逃离方向 " + t);

        // the video centre is told, once, in its inbox; another department is not
        JsonNode letter = letter("video", "FOOTAGE_REQUEST", request);
        assertThat(letter.get("caseNumber").asString()).isEqualTo(number);
        assertThat(letter.get("title").asString()).contains("110警情", number);
        assertThat(letter.get("body").asString()).contains("D" + t + "-150", "查看嫌疑人逃离方向 " + t);
        assertThat(letters("video", "FOOTAGE_REQUEST", request)).isEqualTo(1);
        assertThat(letters("zfj", "FOOTAGE_REQUEST", request)).isZero();
        assertThat(letters(DESK, "FOOTAGE_REQUEST", request)).isZero();

        Api.Answer answered = api.post("/api/v1/cameras/footage/" + request + "/answer", api.login("video"),
                Map.of("footage", true, "archiveRef", "XL-" + t, "text", "已刻录"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        JsonNode back = letter(DESK, "FOOTAGE_ANSWER", request);
        assertThat(back.get("title").asString()).contains("已调取");
        assertThat(back.get("body").asString()).contains("XL-" + t, number);

        String after = desk.get("/cameras/panel?" + where).body();
        assertThat(after).contains("已调取", "XL-" + t, "申请调取");
    }

    private static String camera(String code, double lat, double lon, String status) {
        return String.format(Locale.ROOT, "%s,警情测试点位%s,%.6f,%.6f,区视频监控中心,%s,球机\n", code, code, lat, lon, status);
    }

    private JsonNode inbox(String user) {
        return api.get("/api/v1/inbox?size=100", api.login(user)).json().get("items");
    }

    /** The user's letters of this kind about this request (newest hundred letters). */
    private long letters(String user, String kind, long request) {
        return inbox(user).valueStream().filter(l -> about(l, kind, request)).count();
    }

    private JsonNode letter(String user, String kind, long request) {
        return inbox(user).valueStream().filter(l -> about(l, kind, request)).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no " + kind + " letter for " + request));
    }

    private static boolean about(JsonNode letter, String kind, long request) {
        return kind.equals(letter.get("kind").asString())
                && letter.get("title").asString().startsWith("调取视频申请第 " + request + " 号");
    }
}
