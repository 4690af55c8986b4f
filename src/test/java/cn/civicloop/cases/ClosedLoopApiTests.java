package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** One appeal walked through the whole loop over HTTP, as the people of the district would do it. */
class ClosedLoopApiTests extends ApiTest {

    @Test
    void anAppealTravelsTheWholeLoopAndEveryStepIsOnTheTimeline() {
        Api.Answer submitted = submit(appeal("广济路路灯不亮"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String number = submitted.text("number");
        String token = submitted.text("trackingToken");
        assertThat(number).matches("SZ-\\d{8}-\\d{6}");
        // 9 characters without look-alikes in three groups, 44.6 bits (ADR 0017)
        assertThat(token).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.text("expectedCompletion")).isNotBlank();

        long zfj = departmentId("ZFJ");
        step("operator", number, "register", Map.of(), "REGISTERED");
        step("dispatcher", number, "assign", Map.of("departmentId", zfj, "note", "路灯属执法局市政中队"), "ASSIGNED");
        step("zfj", number, "sign", Map.of(), "IN_PROGRESS");
        step("zfj", number, "reply", Map.of("text", "已更换灯泡"), "REPLIED");
        step("officer", number, "reject", Map.of("reason", "未附现场照片，群众反映仍不亮"), "IN_PROGRESS");
        step("zfj", number, "reply", Map.of("text", "已更换整套灯具并测试，附照片"), "REPLIED");
        step("officer", number, "approve", Map.of(), "AWAITING_FOLLOW_UP");
        step("officer", number, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED"), "AWAITING_FOLLOW_UP");
        JsonNode closed = step("officer", number, "close", Map.of(), "CLOSED");
        assertThat(closed.get("reworkCount").asInt()).isEqualTo(1);
        assertThat(closed.get("satisfaction").asString()).isEqualTo("SATISFIED");

        List<String> actions = api.get("/api/v1/cases/" + number + "/timeline", api.login("officer")).json()
                .valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsExactly("SUBMIT", "REGISTER", "ASSIGN", "SIGN", "REPLY", "REJECT", "REPLY",
                "APPROVE", "FOLLOW_UP", "CLOSE");
        JsonNode reject = api.get("/api/v1/cases/" + number + "/timeline", api.login("officer")).json().get(5);
        assertThat(reject.get("actorName").asString()).isEqualTo("李娜");
        assertThat(reject.get("reason").asString()).contains("未附现场照片");
        assertThat(reject.get("at").asString()).isNotBlank();

        JsonNode pub = api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", token)).json();
        assertThat(pub.get("status").asString()).isEqualTo("CLOSED");
        assertThat(pub.get("reply").asString()).isEqualTo("已更换整套灯具并测试，附照片");
        assertThat(pub.get("contactPhone").asString()).isEqualTo("138****5678");
        assertThat(pub.get("contactName").asString()).isEqualTo("张**");
        String publicTimeline = pub.get("timeline").toString();
        assertThat(publicTimeline).doesNotContain("未附现场照片").doesNotContain("李娜").doesNotContain("刘伟");
        assertThat(pub.get("canReopen").asBoolean()).isTrue();
    }

    private JsonNode step(String user, String number, String action, Map<String, Object> body, String expected) {
        Api.Answer a = act(user, number, action, body);
        assertThat(a.status()).as(action + " by " + user + ": " + a.body()).isEqualTo(200);
        assertThat(a.text("status")).isEqualTo(expected);
        return a.json();
    }
}
