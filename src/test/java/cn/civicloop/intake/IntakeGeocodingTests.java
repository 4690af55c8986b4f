package cn.civicloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * An appeal that names an address and gives no point is placed through the gazetteer: at the stored point with its
 * confidence when the match is sure, at the best candidate and "place to confirm" when it is not, and with no point
 * at all (only the area named) when the gazetteer does not know the address. The centre then confirms or corrects
 * the place, recorded on the timeline.
 */
@TestPropertySource(properties = { "civicloop.intake.place-by-address=true",
        "civicloop.places.tiles.url=https://tiles.example.gov.cn/{z}/{x}/{y}.png", "civicloop.places.tiles.crs=GCJ02" })
class IntakeGeocodingTests extends ApiTest {

    private JsonNode geocoded(String q) {
        return api.get("/api/v1/places/geocode?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null).json();
    }

    private String submitted(String address) {
        Map<String, Object> a = appeal("路面塌陷");
        a.put("address", address);
        var answer = submit(a);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("number").asString();
    }

    private JsonNode staffView(String number) {
        return api.get("/api/v1/cases/" + number, api.login("operator")).json();
    }

    private List<JsonNode> timeline(String number) {
        List<JsonNode> entries = new ArrayList<>();
        api.get("/api/v1/cases/" + number + "/timeline", api.login("operator")).json().forEach(entries::add);
        return entries;
    }

    @Test
    void aSureMatchPlacesTheCaseAtTheStoredPointWithItsConfidence() {
        JsonNode plate = geocoded("广济路12号").get("candidates").get(0);
        String number = submitted("山东省枣庄市市中区广济路十二号");
        JsonNode view = staffView(number);
        assertThat(view.get("lat").asDouble()).isEqualTo(plate.get("lat").asDouble());
        assertThat(view.get("lon").asDouble()).isEqualTo(plate.get("lon").asDouble());
        assertThat(view.get("communityCode").asString()).isEqualTo(plate.get("community").asString());
        assertThat(view.get("place").get("level").asString()).isEqualTo("DOORPLATE");
        assertThat(view.get("place").get("confidence").asDouble()).isEqualTo(1.0);
        assertThat(view.get("place").get("toConfirm").asBoolean()).isFalse();
        assertThat(timeline(number).get(0).get("reason").asString())
                .as("stored as the step and its values").startsWith("SUBMITTED[")
                .contains("|PLACED|广济路12号|1.00|").endsWith("|-]");
    }

    @Test
    void anUnsureMatchTakesTheBestStoredCandidateAndWaitsForTheOperator() {
        JsonNode g = geocoded("广济路9999号");
        JsonNode best = g.get("candidates").get(0);
        assertThat(best.get("confidence").asDouble()).isLessThan(0.85);
        String number = submitted("广济路9999号");
        JsonNode view = staffView(number);
        assertThat(view.get("lat").asDouble()).isEqualTo(best.get("lat").asDouble());
        assertThat(view.get("place").get("toConfirm").asBoolean()).isTrue();
        assertThat(view.get("place").get("confidence").asDouble()).isEqualTo(best.get("confidence").asDouble());
        assertThat(view.get("mayFixPlace").asBoolean()).isTrue();
        assertThat(timeline(number).get(0).get("reason").asString()).startsWith("SUBMITTED[").endsWith("|CONFIRM]");
    }

    @Test
    void anUnknownAddressGetsNoPointOnlyTheAreaItNamed() {
        String number = submitted("君山社区火星路99号");
        JsonNode view = staffView(number);
        assertThat(view.get("lat").isNull()).isTrue();
        assertThat(view.get("lon").isNull()).isTrue();
        assertThat(view.get("communityCode").asString()).isEqualTo("370402001001");
        assertThat(view.get("streetCode").asString()).isEqualTo("370402001");
        assertThat(view.get("gridCode").isNull()).isTrue();
        assertThat(view.get("place").get("level").asString()).isEqualTo("COMMUNITY");
        assertThat(view.get("place").get("toConfirm").asBoolean()).isTrue();

        String nowhere = submitted("火星基地第九号仓库");
        JsonNode none = staffView(nowhere);
        assertThat(none.get("lat").isNull()).isTrue();
        assertThat(none.get("communityCode").isNull()).isTrue();
        assertThat(none.get("place").get("level").asString()).isEqualTo("NONE");
        assertThat(timeline(nowhere).get(0).get("reason").asString()).contains("|NOT_PLACED|");
    }

    @Test
    void aPointGivenWithTheAddressIsKeptAsItIs() {
        Map<String, Object> a = appeal("路灯不亮");
        a.put("address", "广济路12号");
        a.put("location", Map.of("lat", 34.8597, "lon", 117.5546, "datum", "WGS84"));
        String number = submit(a).json().get("number").asString();
        JsonNode view = staffView(number);
        assertThat(view.get("lat").asDouble()).isEqualTo(34.8597);
        assertThat(view.get("place").isNull()).isTrue();
    }

    @Test
    void theCentreConfirmsOrCorrectsThePlaceWithAReasonOnTheTimeline() {
        String number = submitted("广济路9999号");
        JsonNode fourteen = geocoded("广济路14号").get("candidates").get(0);
        Map<String, Object> fix = Map.of("location", Map.of("lat", fourteen.get("lat").asDouble(), "lon",
                fourteen.get("lon").asDouble()), "label", "广济路14号", "reason", "来电人确认是14号门口");

        var handler = api.post("/api/v1/appeals/" + number + "/place", api.login("zfj"), fix);
        assertThat(handler.status()).isEqualTo(403);
        var noReason = api.post("/api/v1/appeals/" + number + "/place", api.login("operator"),
                Map.of("location", fix.get("location")));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        var outside = api.post("/api/v1/appeals/" + number + "/place", api.login("operator"),
                Map.of("location", Map.of("lat", 39.9, "lon", 116.4), "reason", "试试"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(staffView(number).get("place").get("toConfirm").asBoolean()).isTrue();

        var fixed = api.post("/api/v1/appeals/" + number + "/place", api.login("operator"), fix);
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(204);
        JsonNode view = staffView(number);
        assertThat(view.get("lat").asDouble()).isCloseTo(fourteen.get("lat").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(view.get("place").get("toConfirm").asBoolean()).isFalse();
        List<JsonNode> entries = timeline(number);
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("PLACE");
        assertThat(last.get("actorName").asString()).isEqualTo("王芳");
        assertThat(last.get("reason").asString()).contains("广济路14号", "来电人确认是14号门口");
    }

    @Test
    void theCasePageShowsThePlaceToConfirmAndTakesTheOperatorsCorrection() {
        String number = submitted("广济路9999号");
        JsonNode fourteen = geocoded("广济路14号").get("candidates").get(0);
        cn.civicloop.support.PageSession operator = cn.civicloop.support.PageSession.login(port(), "operator");
        var page = operator.get("/workbench/cases/" + number + "?lang=zh_CN");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"place-to-confirm\"", "位置待确认", "id=\"place-form\"",
                "data-places-suggest", "data-tiles-crs=\"GCJ02\"");

        var refused = operator.post("/workbench/place/" + number, Map.of("lat", fourteen.get("lat").asString(),
                "lon", fourteen.get("lon").asString(), "label", "广济路14号"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(operator.get("/workbench/cases/" + number + "?lang=zh_CN").body())
                .contains("id=\"place-error\"", "id=\"place-to-confirm\"");

        var fixed = operator.post("/workbench/place/" + number, Map.of("lat", fourteen.get("lat").asString(),
                "lon", fourteen.get("lon").asString(), "label", "广济路14号", "reason", "到场核实"));
        assertThat(fixed.statusCode()).isEqualTo(302);
        String after = operator.get("/workbench/cases/" + number + "?lang=en").body();
        assertThat(after).doesNotContain("id=\"place-to-confirm\"", "id=\"place-error\"")
                .contains("Placed by address", "Place confirmed");
        assertThat(staffView(number).get("lat").asDouble()).isCloseTo(fourteen.get("lat").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));

        cn.civicloop.support.PageSession handler = cn.civicloop.support.PageSession.login(port(), "zfj");
        assertThat(handler.get("/workbench/cases/" + number).body()).doesNotContain("id=\"place-form\"");
    }
}
