package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The desk's and the terminal's refusals are sentences of the dispatch bundle, answered wholly in the request's
 * language (Accept-Language for the API, ?lang or the cookie for the pages' calls), with the statuses inside them in
 * words of that language; the field that names what is wrong stays as it was.
 */
class DispatchRefusalLanguageApiTests extends ApiTest {

    private static final String DESK = "police-desk";
    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en-US,en;q=0.9");
    private static final String CJK = "\\p{IsHan}";

    private static Map<String, Object> call(String summary, double lat, double lon) {
        Map<String, Object> c = new HashMap<>();
        c.put("type", "NOISE");
        c.put("summary", summary);
        c.put("lat", lat);
        c.put("lon", lon);
        return c;
    }

    @Test
    void aMissingFieldIsNamedInTheRequestsLanguage() {
        Map<String, Object> blank = call(" ", 34.86, 117.55);
        Api.Answer zh = api.post("/api/v1/dispatch/incidents", api.login(DESK), blank);
        assertThat(zh.status()).as(zh.body()).isEqualTo(422);
        assertThat(zh.json().get("errors").get(0).get("field").asString()).isEqualTo("summary");
        assertThat(zh.json().get("errors").get(0).get("reason").asString()).isEqualTo("请填写警情摘要");

        Api.Answer en = api.post("/api/v1/dispatch/incidents", api.login(DESK), blank, ENGLISH);
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.json().get("errors").get(0).get("field").asString()).isEqualTo("summary");
        assertThat(en.json().get("errors").get(0).get("reason").asString()).isEqualTo("A summary is required");
        assertThat(en.body()).doesNotContainPattern(CJK).doesNotContain("(");
    }

    @Test
    void aStatusInsideARefusalIsAWordOfTheSameLanguage() {
        JsonNode b2 = DemoBlocks.block(api, "B2");
        Api.Answer entered = api.post("/api/v1/dispatch/incidents", api.login(DESK),
                call("楼上装修噪音", b2.get("postLat").asDouble(), b2.get("postLon").asDouble()));
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        String number = entered.json().get("incident").get("number").asString();
        String cancel = "/api/v1/dispatch/incidents/" + number + "/cancel";
        assertThat(api.post(cancel, api.login(DESK), Map.of()).status()).isEqualTo(200);

        Api.Answer zh = api.post(cancel, api.login(DESK), Map.of());
        assertThat(zh.status()).isEqualTo(409);
        assertThat(zh.text("detail")).isEqualTo("警情已撤销，不能撤销");
        Api.Answer en = api.post(cancel, api.login(DESK), Map.of(), ENGLISH);
        assertThat(en.text("detail")).isEqualTo("The incident is cancelled: it cannot be cancelled")
                .doesNotContain("CANCELLED");
        // the pages' calls: the language the person chose
        assertThat(api.post(cancel + "?lang=en", api.login(DESK), Map.of()).text("detail"))
                .isEqualTo("The incident is cancelled: it cannot be cancelled");
        assertThat(api.post("/api/v1/dispatch/incidents/" + number + "/divert", api.login(DESK), Map.of(), ENGLISH)
                .text("detail")).isEqualTo("The incident is cancelled: only an incident not yet dispatched can be diverted");
    }

    @Test
    void refusalsWithDataAndTheTerminalsAreInOneLanguage() {
        Api.Answer zh = api.get("/api/v1/dispatch/incidents/J-NOPE", api.login(DESK));
        assertThat(zh.status()).isEqualTo(404);
        assertThat(zh.text("detail")).isEqualTo("没有警情 J-NOPE");
        Api.Answer en = api.get("/api/v1/dispatch/incidents/J-NOPE", api.login(DESK), ENGLISH);
        assertThat(en.text("detail")).isEqualTo("No incident J-NOPE");

        String unit = api.login("unit-b1-1");
        Api.Answer notHis = api.post("/api/v1/dispatch/terminal/status", unit, Map.of("action", "DISPATCH"), ENGLISH);
        assertThat(notHis.status()).isEqualTo(422);
        assertThat(notHis.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
        assertThat(notHis.text("detail")).isEqualTo("The unit's terminal cannot ask to be dispatched");
        assertThat(api.post("/api/v1/dispatch/terminal/status", unit, Map.of("action", "DISPATCH")).text("detail"))
                .isEqualTo("终端不能派警");

        Api.Answer empty = api.post("/api/v1/dispatch/terminal/messages", unit, Map.of("body", " "), ENGLISH);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text("detail")).isEqualTo("Write a message of 1 to 500 characters");
        assertThat(api.post("/api/v1/dispatch/terminal/messages", unit, Map.of("body", " ")).text("detail"))
                .isEqualTo("请填写消息（最长500字）");
    }
}
