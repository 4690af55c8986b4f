package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Where a call is: the desk gives the place (a click on its map or typed coordinates), checked on the server; a
 * call entered without one is registered at once but never ranked nor dispatched until it is placed, and units
 * are ranked from the incident's own place — never from a post or any other made-up point.
 */
class IncidentPlacesApiTests extends ApiTest {

    private static final String DESK = "police-desk";


    private static Map<String, Object> call(String type, Double lat, Double lon, String summary) {
        Map<String, Object> c = new HashMap<>();
        c.put("type", type);
        c.put("summary", summary);
        c.put("address", "建设路与光明路路口东北角");
        c.put("lat", lat);
        c.put("lon", lon);
        c.put("callerName", "褚先生");
        c.put("callerPhone", "13911112222");
        c.put("separate", true);
        return c;
    }

    private Api.Answer place(String number, Double lat, Double lon) {
        Map<String, Object> body = new HashMap<>();
        body.put("lat", lat);
        body.put("lon", lon);
        return api.post("/api/v1/dispatch/incidents/" + number + "/place", api.login(DESK), body);
    }

    private int incidentCount() {
        return api.get("/api/v1/dispatch/incidents", api.login(DESK)).json().size();
    }

    @Test
    void aCallWithAnAddressOnlyIsRegisteredButNotRankedNorDispatchedUntilTheDeskPlacesIt() {
        Api.Answer entered = api.post("/api/v1/dispatch/incidents", api.login(DESK),
                call("DISPUTE", null, null, "路口两人因停车发生争执"));
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        JsonNode incident = entered.json().get("incident");
        String number = incident.get("number").asString();
        assertThat(incident.get("lat").isNull()).as("no invented place").isTrue();
        assertThat(incident.get("blockCode").isNull()).isTrue();
        assertThat(entered.json().get("recommendation").isNull()).isTrue();

        String path = "/api/v1/dispatch/incidents/" + number;
        Api.Answer ranking = api.get(path + "/recommendations", api.login(DESK));
        assertThat(ranking.status()).isEqualTo(409);
        assertThat(ranking.text("detail")).contains("尚无位置").doesNotContain("no place yet");
        assertThat(api.post(path + "/dispatch", api.login(DESK), Map.of("unit", "B2-1")).status()).isEqualTo(409);
        assertThat(api.get(path, api.login(DESK)).json().get("incident").get("units")).isEmpty();

        // the place is checked: both numbers, real degrees, inside the district
        assertThat(place(number, 34.86, null).status()).isEqualTo(422);
        assertThat(place(number, 134.0, 117.55).status()).isEqualTo(422);
        Api.Answer outside = place(number, 34.863489, 34.81);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.text("detail")).contains("不在本区范围内");
        assertThat(api.get(path, api.login(DESK)).json().get("incident").get("lat").isNull()).as("nothing written").isTrue();

        JsonNode b2 = DemoBlocks.block(api, "B2");
        double lat = b2.get("postLat").asDouble() + 0.003, lon = b2.get("postLon").asDouble() + 0.002;
        Api.Answer placed = place(number, lat, lon);
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json().get("lat").asDouble()).isEqualTo(lat);
        assertThat(placed.json().get("lon").asDouble()).isEqualTo(lon);
        assertThat(placed.json().get("blockCode").asString()).isEqualTo("B2");
        assertThat(api.get(path, api.login(DESK)).json().get("log").valueStream().map(l -> l.get("action").asString()))
                .containsExactly("ENTER", "PLACE");

        JsonNode top = api.get(path + "/recommendations", api.login(DESK)).json().get("ranked").get(0);
        assertThat(top.get("unitCode").asString()).startsWith("B2-");
        assertThat(top.get("metres").asDouble()).as("ranked from the caller's place, not from the post").isGreaterThan(100);
        String unit = top.get("unitCode").asString();
        assertThat(api.post(path + "/dispatch", api.login(DESK), Map.of("unit", unit)).status()).isEqualTo(200);

        // the unit's phone shows where the caller is
        JsonNode order = api.get("/api/v1/dispatch/terminal", api.login("unit-" + unit.toLowerCase())).json().get("order");
        assertThat(order.get("lat").asDouble()).isEqualTo(lat);
        assertThat(order.get("lon").asDouble()).isEqualTo(lon);
        api.post(path + "/cancel", api.login(DESK), Map.of("reason", "测试结束"));
    }

    @Test
    void typedCoordinatesAreCheckedWhenTheCallIsEnteredAndABadOneWritesNothing() {
        int before = incidentCount();
        Api.Answer half = api.post("/api/v1/dispatch/incidents", api.login(DESK), call("THEFT", 34.86, null, "自行车被盗"));
        assertThat(half.status()).isEqualTo(422);
        assertThat(half.json().get("errors").get(0).get("field").asString()).isEqualTo("lon");
        Api.Answer swapped = api.post("/api/v1/dispatch/incidents", api.login(DESK), call("THEFT", 117.55, 34.86, "自行车被盗"));
        assertThat(swapped.status()).isEqualTo(422);
        Api.Answer far = api.post("/api/v1/dispatch/incidents", api.login(DESK), call("THEFT", 34.863489, 34.81, "自行车被盗"));
        assertThat(far.status()).isEqualTo(422);
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void callsWithoutAPlaceAreNeverTakenForTheSameEvent() {
        Map<String, Object> first = call("FIRE_GAS", null, null, "闻到燃气味");
        first.remove("separate");
        JsonNode a = api.post("/api/v1/dispatch/incidents", api.login(DESK), first).json();
        JsonNode b = api.post("/api/v1/dispatch/incidents", api.login(DESK), first).json();
        assertThat(b.get("attached").asBoolean()).as("nothing is close to an unknown place").isFalse();
        for (JsonNode n : new JsonNode[] {a, b}) {
            api.post("/api/v1/dispatch/incidents/" + n.get("incident").get("number").asString() + "/cancel",
                    api.login(DESK), Map.of("reason", "测试"));
        }
    }
}
