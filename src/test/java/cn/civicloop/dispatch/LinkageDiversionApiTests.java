package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * 联动分流 refused when it would leave a call unattended (a priority-1 call, or no agency to take it) with nothing
 * written; a diverted call keeps a 110 kind with the linkage time limits; the desk shows the case's state now.
 */
class LinkageDiversionApiTests extends ApiTest {

    private static final String DESK = "police-desk";

    private String enter(String type, String summary) {
        JsonNode b3 = DemoBlocks.block(api, "B3");
        Map<String, Object> c = new HashMap<>();
        c.put("type", type);
        c.put("summary", summary);
        c.put("lat", b3.get("postLat").asDouble() + 0.001);
        c.put("lon", b3.get("postLon").asDouble() - 0.001);
        c.put("callerName", "蒋女士");
        c.put("callerPhone", "13700001234");
        c.put("separate", true);
        Api.Answer a = api.post("/api/v1/dispatch/incidents", api.login(DESK), c);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("incident").get("number").asString();
    }

    private Api.Answer divert(String number, String agency) {
        Map<String, Object> body = new HashMap<>();
        body.put("agency", agency);
        body.put("note", null);
        return api.post("/api/v1/dispatch/incidents/" + number + "/divert", api.login(DESK), body);
    }

    private JsonNode incident(String number) {
        return api.get("/api/v1/dispatch/incidents/" + number, api.login(DESK)).json().get("incident");
    }

    private long linkageCases() {
        return api.get("/api/v1/cases?channel=POLICE_110&size=1", api.login("leader")).json().get("total").asLong();
    }

    @Test
    void aPriorityOneCallIsNeverDivertedAndNothingIsWritten() {
        String number = enter("TRAFFIC_INJURY", "两车相撞，一人腿部受伤流血");
        long cases = linkageCases();
        for (String agency : new String[] {null, "INS-PICC"}) {
            Api.Answer refused = divert(number, agency);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.text("detail")).contains("一级警情");
        }
        JsonNode i = incident(number);
        assertThat(i.get("status").asString()).isEqualTo("OPEN");
        assertThat(i.get("caseNumber").isNull()).isTrue();
        assertThat(i.get("divertedAt").isNull()).isTrue();
        assertThat(linkageCases()).as("no case opened").isEqualTo(cases);
        api.post("/api/v1/dispatch/incidents/" + number + "/cancel", api.login(DESK), Map.of("reason", "测试"));
    }

    @Test
    void aCallNoDiversionRuleCoversIsRefusedUnlessTheDeskNamesTheAgency() {
        String number = enter("OTHER", "老人钥匙锁在家中无法进门");
        long cases = linkageCases();
        Api.Answer refused = divert(number, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("agency");
        assertThat(incident(number).get("status").asString()).isEqualTo("OPEN");
        assertThat(linkageCases()).isEqualTo(cases);

        Api.Answer named = divert(number, "ZFJ");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().get("linkageDepartment").asString()).isEqualTo("区综合行政执法局");
        assertThat(named.json().get("caseStatus").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void aDivertedMinorAccidentKeepsA110KindWithTheLinkageLimitsAndTheDeskShowsTheCaseAsItIs() {
        String number = enter("TRAFFIC_MINOR", "两车追尾剐蹭，无人受伤");
        Instant before = Instant.now();
        Api.Answer diverted = divert(number, null);
        assertThat(diverted.status()).as(diverted.body()).isEqualTo(200);
        String caseNumber = diverted.json().get("caseNumber").asString();
        assertThat(diverted.json().get("linkageDepartment").asString()).as("by the catalogue's 110 rule").contains("人保");

        JsonNode c = api.get("/api/v1/cases/" + caseNumber, api.login("picc")).json();
        assertThat(c.get("kind").asString()).isEqualTo("LINKAGE_HELP");
        assertThat(c.get("status").asString()).isEqualTo("ASSIGNED");
        // 24 natural hours for a 110 request for help, not the 13 working days of a complaint
        Instant due = Instant.parse(c.get("dueAt").asString());
        assertThat(due).isBetween(before.plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        JsonNode desk = incident(number);
        assertThat(desk.get("caseStatus").asString()).isEqualTo("ASSIGNED");
        assertThat(desk.get("linkageStatus").asString()).isEqualTo("已派单待签收");

        // the desk reads the case as it is now, not when the case's events have arrived
        assertThat(act("picc", caseNumber, "sign", Map.of()).status()).isEqualTo(200);
        assertThat(incident(number).get("caseStatus").asString()).isEqualTo("IN_PROGRESS");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/dispatch/incidents/" + number,
                api.login(DESK)).json().get("log").valueStream().anyMatch(l -> "IN_PROGRESS".equals(
                        l.get("case_status").isNull() ? null : l.get("case_status").asString())));
        assertThat(incident(number).get("caseStatus").asString()).as("a late event changes nothing").isEqualTo("IN_PROGRESS");
    }

    @Test
    void aDisputeStaysADispute() {
        String number = enter("DISPUTE", "邻居装修噪音引发争吵");
        Api.Answer diverted = divert(number, "ZFJ");
        assertThat(diverted.status()).as(diverted.body()).isEqualTo(200);
        JsonNode c = api.get("/api/v1/cases/" + diverted.json().get("caseNumber").asString(), api.login("leader")).json();
        assertThat(c.get("kind").asString()).isEqualTo("LINKAGE_DISPUTE");
        assertThat(c.get("channel").asString()).isEqualTo("POLICE_110");
    }

    @Test
    void the110KindsAreNotForResidentsOrOperators() {
        Map<String, Object> a = appeal("小区门口车辆剐蹭");
        a.put("kind", "LINKAGE_HELP");
        Api.Answer refused = submit(a);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(api.get("/report", null).body()).doesNotContain("LINKAGE_");

        JsonNode limits = api.get("/api/v1/admin/time-limits", api.login("admin")).json();
        assertThat(limits.valueStream().filter(l -> l.get("scope").asString().equals("LINKAGE_HELP")
                && l.get("stage").asString().equals("HANDLE") && l.get("urgency").asString().equals("NORMAL")))
                .singleElement().satisfies(l -> {
                    assertThat(l.get("amount").asInt()).isEqualTo(24);
                    assertThat(l.get("unit").asString()).isEqualTo("HOURS");
                });
    }
}
