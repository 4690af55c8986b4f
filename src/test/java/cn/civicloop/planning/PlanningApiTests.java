package cn.civicloop.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The planning API: who may read and run, and what it refuses (RFC 9457 problem documents naming the field). A run
 * over recorded incidents is in {@code internal.RecordedRunTests}; the page in {@code PlanningBrowserTests}.
 */
class PlanningApiTests extends ApiTest {

    private static final String LEADER = "leader";
    private static final String DESK = "police-desk";

    private Api.Answer start(String user, Map<String, Object> request) {
        return api.post("/api/v1/planning/runs", api.login(user), request);
    }

    private static Map<String, Object> generated() {
        Map<String, Object> r = new HashMap<>();
        r.put("source", "GENERATED");
        r.put("callsPerHour", 6);
        r.put("days", 2);
        return r;
    }

    private static void assertRefused(Api.Answer a, String field) {
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("detail").asString()).isNotBlank();
        assertThat(a.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void thePoliceCommandReadsThePlanAndOthersAreRefused() {
        for (String user : List.of(LEADER, DESK)) {
            Api.Answer plan = api.get("/api/v1/planning/plan", api.login(user));
            assertThat(plan.status()).as(user).isEqualTo(200);
            JsonNode blocks = plan.json().get("plan").get("blocks");
            assertThat(blocks).hasSize(8);
            assertThat(blocks.get(0).get("onDuty").asInt()).isEqualTo(2);
            assertThat(blocks.get(0).get("outlineWkt").asString()).startsWith("POLYGON");
            assertThat(plan.json().get("assumptions").get("emergencySpeedKmh").asDouble()).isEqualTo(30);
            assertThat(plan.json().get("plan").get("reservePerBlock").asInt()).isEqualTo(1);
        }
        for (String user : List.of("unit-b1-1", "operator", "admin", "road3")) {
            assertThat(api.get("/api/v1/planning/plan", api.login(user)).status()).as(user).isEqualTo(403);
            assertThat(start(user, generated()).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/planning/plan", null).status()).isEqualTo(401);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        Map<String, Object> negative = generated();
        negative.put("unitsPerBlock", Map.of("B1", -1));
        assertRefused(start(LEADER, negative), "unitsPerBlock");

        Map<String, Object> unknownBlock = generated();
        unknownBlock.put("unitsPerBlock", Map.of("B99", 2));
        assertRefused(start(LEADER, unknownBlock), "unitsPerBlock");

        Map<String, Object> empty = new HashMap<>();
        empty.put("source", "RECORDED");
        empty.put("from", "2001-01-01");
        empty.put("to", "2001-01-07");
        Api.Answer noIncidents = start(DESK, empty);
        assertRefused(noIncidents, "from");
        // one language per answer: Chinese unless the client asks for English
        assertThat(noIncidents.json().get("detail").asString()).isEqualTo("所选时段没有已派警的警情记录，可改用生成的警情。");
        assertThat(api.post("/api/v1/planning/runs?lang=en", api.login(DESK), empty).json().get("detail").asString())
                .isEqualTo("The period holds no incident a unit was sent to; use generated calls instead.");

        Map<String, Object> reversed = new HashMap<>(empty);
        reversed.put("from", "2001-01-08");
        assertRefused(start(DESK, reversed), "from");

        Map<String, Object> tooLong = new HashMap<>(empty);
        tooLong.put("to", "2001-12-31");
        assertRefused(start(DESK, tooLong), "to");

        Map<String, Object> exact = generated();
        exact.put("hypercube", "EXACT"); // 16 units on duty: above the exact limit of 12
        Api.Answer tooManyForExact = start(LEADER, exact);
        assertRefused(tooManyForExact, "hypercube");
        assertThat(tooManyForExact.json().get("detail").asString()).contains("12").contains("16");

        Map<String, Object> reserve = generated();
        reserve.put("reservePerBlock", 2); // every block has 2 units on duty: nothing left below priority 1
        assertRefused(start(LEADER, reserve), "reservePerBlock");

        Map<String, Object> slow = generated();
        slow.put("assumptions", Map.of("emergencySpeedKmh", 0));
        assertRefused(start(LEADER, slow), "assumptions.emergencySpeedKmh");

        assertRefused(start(LEADER, Map.of()), "source");
        Api.Answer unknownSource = start(LEADER, Map.of("source", "RUMOURS"));
        assertThat(unknownSource.status()).isEqualTo(400);
        assertThat(unknownSource.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/v1/planning/runs/987654321", api.login(LEADER)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/planning/runs/987654321/cancel", api.login(LEADER), Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void aRefusalIsAnsweredInOneLanguage() {
        Map<String, String> english = Map.of("Accept-Language", "en-US,en;q=0.9");
        // a field's label and numbers inside the reason, read in the answer's language
        Map<String, Object> slow = generated();
        slow.put("assumptions", Map.of("emergencySpeedKmh", 0));
        Api.Answer zh = start(LEADER, slow);
        assertThat(zh.text("detail")).isEqualTo("出警车速（公里/小时） 须在 1 至 200 之间。");
        Api.Answer en = api.post("/api/v1/planning/runs", api.login(LEADER), slow, english);
        assertThat(en.text("detail")).isEqualTo("Emergency driving speed (km/h) must be between 1 and 200.");
        assertThat(en.json().get("errors").get(0).get("reason").asString()).isEqualTo(en.text("detail"));

        Map<String, Object> exact = generated();
        exact.put("hypercube", "EXACT");
        assertThat(api.post("/api/v1/planning/runs", api.login(LEADER), exact, english).text("detail"))
                .isEqualTo("The exact solution is limited to 12 units; this plan has 16. Choose the approximation.");

        Api.Answer missing = api.get("/api/v1/planning/runs/987654321", api.login(LEADER));
        assertThat(missing.text("detail")).isEqualTo("没有第 987654321 号推演。");
        Api.Answer missingEn = api.get("/api/v1/planning/runs/987654321", api.login(LEADER), english);
        assertThat(missingEn.text("detail")).isEqualTo("There is no run no. 987654321.");
        for (Api.Answer a : List.of(en, missingEn)) {
            assertThat(a.body()).doesNotContainPattern("\\p{IsHan}");
        }
        for (Api.Answer a : List.of(zh, missing)) {
            assertThat(a.text("detail")).as("no English gloss").doesNotContainPattern("[A-Za-z]");
        }
    }

    @Test
    void aGeneratedRunIsComputedInTheBackgroundAndReadByPolling() {
        Api.Answer started = start(DESK, generated());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.json().get("requestedBy").asString()).isEqualTo(DESK);
        JsonNode request = started.json().get("request");
        assertThat(request.get("unitsPerBlock").get("B1").asInt()).as("filled from the plan").isEqualTo(2);
        assertThat(request.get("reservePerBlock").asInt()).isEqualTo(1);
        assertThat(request.get("assumptions").get("patrolTurnoutSeconds").asDouble()).isEqualTo(15);

        JsonNode done = RunPolling.awaitFinished(api, id, LEADER);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        JsonNode result = done.get("result");
        assertThat(result.get("stream").get("source").asString()).isEqualTo("GENERATED");
        assertThat(result.get("stream").get("calls").asInt()).isBetween(200, 400);
        for (String policy : List.of("station", "patrol")) {
            JsonNode p = result.get(policy);
            assertThat(p.get("response").get("median").asDouble()).as(policy).isBetween(1.0, 30.0);
            assertThat(p.get("travel").get("median").asDouble()).isLessThan(p.get("response").get("median").asDouble());
            assertThat(p.get("hypercube").get("meanTravel").asDouble()).as(policy + " hypercube").isPositive();
            assertThat(p.get("reachedWithin").get(0).asDouble()).isZero();
        }
        assertThat(result.get("blocks")).hasSize(8);
        assertThat(api.get("/api/v1/planning/runs?limit=5", api.login(DESK)).json().valueStream()
                .map(r -> r.get("id").asLong())).contains(id);
        assertThat(api.post("/api/v1/planning/runs/" + id + "/cancel", api.login(LEADER), Map.of()).status())
                .as("a finished run cannot be cancelled").isEqualTo(409);
    }
}
