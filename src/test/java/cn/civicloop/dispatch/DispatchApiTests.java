package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.TimelineSteps;
import tools.jackson.databind.JsonNode;

/**
 * The 110 desk and the field terminal over HTTP: a call, its recommendation, the one-click order, the unit's
 * reports; duplicate calls; linkage diversion with the agency's feedback; who may see and do what.
 */
class DispatchApiTests extends ApiTest {

    private static final String DESK = "police-desk";


    private Map<String, Object> call(String type, double lat, double lon, String summary) {
        Map<String, Object> c = new HashMap<>();
        c.put("type", type);
        c.put("summary", summary);
        c.put("address", "测试地址");
        c.put("lat", lat);
        c.put("lon", lon);
        c.put("callerName", "钱多多");
        c.put("callerPhone", "13955556666");
        return c;
    }

    private Api.Answer enter(Map<String, Object> call) {
        Api.Answer a = api.post("/api/v1/dispatch/incidents", api.login(DESK), call);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    private Api.Answer terminal(String code, String action, Double lat, Double lon) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("lat", lat);
        body.put("lon", lon);
        return api.post("/api/v1/dispatch/terminal/status", api.login(account(code)), body);
    }

    private static String account(String unitCode) {
        return "unit-" + unitCode.toLowerCase();
    }

    @Test
    void aCallIsRecommendedDispatchedWithOneClickAndHandledFromTheTerminal() {
        JsonNode b1 = DemoBlocks.block(api, "B1");
        double lat = b1.get("postLat").asDouble(), lon = b1.get("postLon").asDouble();
        JsonNode entered = enter(call("THEFT", lat, lon, "电动车被盗，嫌疑人刚离开")).json();
        String number = entered.get("incident").get("number").asString();
        assertThat(entered.get("attached").asBoolean()).isFalse();
        assertThat(entered.get("incident").get("blockCode").asString()).isEqualTo("B1");
        assertThat(entered.get("incident").get("priority").asInt()).isEqualTo(2);
        JsonNode top = entered.get("recommendation").get("ranked").get(0);
        String unit = top.get("unitCode").asString();
        assertThat(unit).startsWith("B1-");
        assertThat(top.get("seconds").asDouble()).isLessThan(60);
        assertThat(top.get("model").asString()).startsWith("直线");
        assertThat(entered.get("recommendation").get("excluded").valueStream()
                .map(x -> x.get("reason").asString())).anyMatch(r -> r.contains("不在班"));

        Api.Answer dispatched = api.post("/api/v1/dispatch/incidents/" + number + "/dispatch", api.login(DESK),
                Map.of("unit", unit));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        assertThat(dispatched.json().get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatched.json().get("firstDispatchedAt").isNull()).isFalse();

        JsonNode order = api.get("/api/v1/dispatch/terminal", api.login(account(unit))).json();
        assertThat(order.get("order").get("number").asString()).isEqualTo(number);
        assertThat(order.get("order").get("callerPhone").asString()).doesNotContain("55556666".substring(0, 4) + "6666");
        assertThat(order.get("unit").get("status").asString()).isEqualTo("DISPATCHED");

        // a second dispatch of the same unit is refused: it is no longer available
        assertThat(api.post("/api/v1/dispatch/incidents/" + number + "/dispatch", api.login(DESK), Map.of("unit", unit))
                .status()).isEqualTo(409);

        assertThat(terminal(unit, "ACKNOWLEDGE", null, null).status()).isEqualTo(200);
        assertThat(terminal(unit, "EN_ROUTE", lat + 0.001, lon).status()).isEqualTo(200);
        Api.Answer arrived = terminal(unit, "ARRIVE", lat, lon);
        assertThat(arrived.json().get("unit").get("status").asString()).isEqualTo("ON_SCENE");
        assertThat(arrived.json().get("commander").asBoolean()).as("first on scene commands").isTrue();
        Api.Answer twice = terminal(unit, "ARRIVE", lat, lon);
        assertThat(twice.status()).as("not twice").isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("当前现场处置").doesNotContain("ON_SCENE", "ARRIVE");
        // asked in English, the refusal reads in words, never a constant name
        Map<String, Object> again = new HashMap<>(Map.of("action", "ARRIVE", "lat", lat, "lon", lon));
        Api.Answer english = api.post("/api/v1/dispatch/terminal/status?lang=en", api.login(account(unit)), again);
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.json().get("detail").asString()).isEqualTo("Unit " + unit + " is on scene: it cannot arrive")
                .doesNotContain("ON_SCENE", "ARRIVE").doesNotContainPattern("\\p{IsHan}");
        assertThat(terminal(unit, "CLEAR", lat, lon).json().get("unit").get("status").asString()).isEqualTo("AVAILABLE");

        JsonNode done = api.get("/api/v1/dispatch/incidents/" + number, api.login(DESK)).json();
        JsonNode i = done.get("incident");
        assertThat(i.get("status").asString()).isEqualTo("CLEARED");
        for (String stamp : List.of("receivedAt", "enteredAt", "firstDispatchedAt", "firstEnrouteAt", "firstOnsceneAt", "clearedAt")) {
            assertThat(i.get(stamp).isNull()).as(stamp).isFalse();
        }
        JsonNode a = i.get("units").get(0);
        for (String stamp : List.of("dispatchedAt", "acknowledgedAt", "enrouteAt", "onsceneAt", "clearedAt")) {
            assertThat(a.get(stamp).isNull()).as(stamp).isFalse();
        }
        assertThat(i.get("commanderUnit").asString()).isEqualTo(unit);
        assertThat(done.get("log").valueStream().map(l -> l.get("action").asString()))
                .containsExactly("ENTER", "DISPATCH_UNIT", "UNIT_ARRIVED", "CLEAR");
    }

    @Test
    void aSecondCallAboutTheSamePlaceAndKindJoinsTheOpenIncident() {
        JsonNode b3 = DemoBlocks.block(api, "B3");
        double lat = b3.get("postLat").asDouble() + 0.002, lon = b3.get("postLon").asDouble();
        String first = enter(call("FIRE_GAS", lat, lon, "楼道有浓烟")).json().get("incident").get("number").asString();
        JsonNode second = enter(call("FIRE_GAS", lat + 0.0009, lon, "三楼冒烟，有焦糊味")).json();
        assertThat(second.get("attached").asBoolean()).isTrue();
        assertThat(second.get("incident").get("number").asString()).isEqualTo(first);
        assertThat(second.get("incident").get("calls").asInt()).isEqualTo(2);

        JsonNode other = enter(call("THEFT", lat, lon, "门口自行车被偷")).json();
        assertThat(other.get("attached").asBoolean()).as("another kind of event").isFalse();
        JsonNode far = enter(call("FIRE_GAS", lat + 0.01, lon, "另一处起火")).json();
        assertThat(far.get("attached").asBoolean()).as("1 km away").isFalse();

        Map<String, Object> explicit = call("OTHER", lat + 0.05, lon, "再次来电询问");
        explicit.put("attachTo", first);
        JsonNode chosen = enter(explicit).json();
        assertThat(chosen.get("attached").asBoolean()).isTrue();
        assertThat(chosen.get("incident").get("calls").asInt()).isEqualTo(3);

        for (String n : List.of(first, other.get("incident").get("number").asString(),
                far.get("incident").get("number").asString())) {
            assertThat(api.post("/api/v1/dispatch/incidents/" + n + "/cancel", api.login(DESK), Map.of("reason", "测试"))
                    .json().get("status").asString()).isEqualTo("CANCELLED");
        }
        assertThat(api.post("/api/v1/dispatch/incidents/" + first + "/cancel", api.login(DESK), Map.of("reason", "again"))
                .status()).isEqualTo(409);
    }

    @Test
    void aNonPoliceCallIsHandedToTheInsurerAndItsFeedbackComesBack() {
        JsonNode b2 = DemoBlocks.block(api, "B2");
        String number = enter(call("TRAFFIC_MINOR", b2.get("postLat").asDouble(), b2.get("postLon").asDouble(),
                "两车追尾剐蹭，无人受伤")).json().get("incident").get("number").asString();
        Api.Answer diverted = api.post("/api/v1/dispatch/incidents/" + number + "/divert", api.login(DESK),
                Map.of("agency", "INS-PICC", "note", "保险快处"));
        assertThat(diverted.status()).as(diverted.body()).isEqualTo(200);
        assertThat(diverted.json().get("status").asString()).isEqualTo("DIVERTED");
        String caseNumber = diverted.json().get("caseNumber").asString();
        assertThat(caseNumber).startsWith("SZ-");

        JsonNode c = api.get("/api/v1/cases/" + caseNumber, api.login("picc")).json();
        assertThat(c.get("channel").asString()).isEqualTo("POLICE_110");
        assertThat(c.get("status").asString()).isEqualTo("ASSIGNED");
        // the case's timeline names the diversion in the reader's language; the desk's note as it was written
        assertThat(TimelineSteps.of(port(), "picc", caseNumber, "zh_CN")).contains("110联动分流受理")
                .anyMatch(s -> s.startsWith("110联动分流（") && s.endsWith("）：保险快处"));
        assertThat(TimelineSteps.of(port(), "picc", caseNumber, "en")).contains("Registered as a call the 110 desk diverted")
                .anyMatch(s -> s.startsWith("Diverted by the 110 desk (") && s.endsWith("): 保险快处"));

        assertThat(act("picc", caseNumber, "sign", Map.of()).status()).isEqualTo(200);
        assertThat(act("picc", caseNumber, "reply", Map.of("text", "查勘员已到场定损，双方协商理赔")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> logNotes(number).stream()
                .anyMatch(n -> n.contains("查勘员已到场定损")));
        assertThat(incident(number).get("linkageDepartment").asString()).contains("人保");

        act("officer", caseNumber, "approve", Map.of());
        act("officer", caseNumber, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED"));
        act("officer", caseNumber, "close", Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> incident(number).get("status").asString(), "CLOSED"::equals);
        assertThat(incident(number).get("closedAt").isNull()).isFalse();
    }

    private JsonNode incident(String number) {
        return api.get("/api/v1/dispatch/incidents/" + number, api.login(DESK)).json().get("incident");
    }

    private List<String> logNotes(String number) {
        return api.get("/api/v1/dispatch/incidents/" + number, api.login(DESK)).json().get("log").valueStream()
                .map(l -> l.get("note").isNull() ? "" : l.get("note").asString()).toList();
    }

    @Test
    void onlyTheDeskCommandsLeadersReadAndOthersSeeNothing() {
        JsonNode b4 = DemoBlocks.block(api, "B4");
        String number = enter(call("DISPUTE", b4.get("postLat").asDouble(), b4.get("postLon").asDouble(), "邻里纠纷"))
                .json().get("incident").get("number").asString();
        String path = "/api/v1/dispatch/incidents/" + number;

        assertThat(api.get("/api/v1/dispatch/incidents", api.login("zfj")).status()).as("handler").isEqualTo(403);
        assertThat(api.get(path, api.login("dispatcher")).status()).as("12345 dispatcher").isEqualTo(403);
        assertThat(api.get("/api/v1/dispatch/incidents", api.login("unit-b1-1")).status()).as("officer").isEqualTo(403);
        assertThat(api.post(path + "/dispatch", api.login("unit-b1-1"), Map.of("unit", "B4-1")).status())
                .as("an officer cannot dispatch").isEqualTo(403);
        assertThat(api.get("/api/v1/dispatch/terminal", api.login("police-desk")).status()).as("desk is no terminal")
                .isEqualTo(403);
        assertThat(api.get(path, api.login("leader")).status()).as("leader reads").isEqualTo(200);
        assertThat(api.post("/api/v1/dispatch/incidents", api.login("leader"), call("DISPUTE", 34.86, 117.55, "x"))
                .status()).as("leader does not command").isEqualTo(403);
        assertThat(api.get(path, null).status()).isEqualTo(401);

        // the caller's phone is for the dispatcher who took the call
        assertThat(api.get(path, api.login(DESK)).json().get("incident").get("callerPhone").asString()).isEqualTo("13955556666");
        assertThat(api.get(path, api.login("police-desk2")).json().get("incident").get("callerPhone").asString())
                .isEqualTo("139****6666");
        assertThat(api.get(path, api.login("leader")).json().get("incident").get("callerPhone").asString())
                .isEqualTo("139****6666");

        // an officer sees only his own unit's order
        JsonNode rec = api.get(path + "/recommendations", api.login(DESK)).json().get("ranked").get(0);
        String unit = rec.get("unitCode").asString();
        api.post(path + "/dispatch", api.login(DESK), Map.of("unit", unit));
        String otherAccount = unit.equals("B1-1") ? "unit-b1-2" : "unit-b1-1";
        JsonNode other = api.get("/api/v1/dispatch/terminal", api.login(otherAccount)).json();
        assertThat(other.get("order").isNull() || !other.get("order").get("number").asString().equals(number)).isTrue();
        assertThat(api.post("/api/v1/dispatch/terminal/status", api.login(otherAccount), Map.of("action", "ARRIVE")).status())
                .as("nothing to arrive at for another unit").isIn(409);
        Api.Answer cancelled = api.post(path + "/cancel", api.login(DESK), Map.of("reason", "测试结束"));
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("units").get(0).get("cancelledAt").isNull()).isFalse();
    }

    @Test
    void positionReportsMoveTheUnitAtOnce() {
        String account = "unit-b2-3";
        String code = "B2-3";
        Api.Answer r = api.post("/api/v1/dispatch/terminal/position", api.login(account),
                Map.of("lat", 34.8701, "lon", 117.5602));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode unit = api.get("/api/v1/dispatch/units", api.login(DESK)).json().valueStream()
                .filter(u -> u.get("code").asString().equals(code)).findFirst().orElseThrow();
        assertThat(unit.get("lat").asDouble()).isEqualTo(34.8701);
        assertThat(unit.get("lon").asDouble()).isEqualTo(117.5602);
        assertThat(api.post("/api/v1/dispatch/terminal/position", api.login(account), Map.of("lat", 134.0, "lon", 1.0))
                .status()).as("invalid input is 422 like everywhere in the API").isEqualTo(422);
    }

    @Test
    void callsEnteredAtTheSameMomentByManyDesksAllGetTheirOwnNumber() throws Exception {
        // Numbers used to come from counting the day's incidents: simultaneous entries got the same one and all but
        // the first were refused by the unique key (issue #8). Far apart, separate: no call is attached to another.
        String token = api.login(DESK);
        int calls = 12;
        java.util.concurrent.ExecutorService desks = java.util.concurrent.Executors.newFixedThreadPool(calls);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Answer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Map<String, Object> c = call("THEFT", 34.80 + i * 0.004, 117.50 + i * 0.004, "同时来电 " + i);
            c.put("separate", true);
            answers.add(desks.submit(() -> {
                start.await();
                return api.post("/api/v1/dispatch/incidents", token, c);
            }));
        }
        start.countDown();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (var f : answers) {
            Api.Answer a = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            numbers.add(a.json().get("incident").get("number").asString());
        }
        desks.shutdown();
        assertThat(numbers).hasSize(calls).allMatch(n -> n.matches("JQ\\d{8}-\\d{4}"));
        for (String n : numbers) {
            api.post("/api/v1/dispatch/incidents/" + n + "/cancel", token, Map.of("reason", "测试"));
        }
    }
}
