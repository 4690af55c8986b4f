package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/** Requests for case actions over HTTP, read through the action catalogue: what is refused, and why. */
class ActionRequestsApiTests extends ApiTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Test
    void photosWithAnActionThatKeepsNoneAreRefusedNotDropped() {
        String number = submit(appeal("路灯不亮")).text("number");
        String operator = api.login("operator");
        Api.Answer refused = api.postMultipart("/api/v1/cases/" + number + "/actions/note", operator, "request",
                Map.of("text", "已电话联系"), "photos", Map.of("p.png", PNG));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("photos");
        assertThat(api.get("/api/v1/cases/" + number + "/timeline", operator).json().size()).as("nothing recorded")
                .isEqualTo(1);
    }

    @Test
    void stepsOnlyTheSystemRecordsAndUnknownActionsAreNotFound() {
        String number = submit(appeal("井盖缺失")).text("number");
        assertThat(act("operator", number, "circulate", Map.of()).status()).isEqualTo(404);
        assertThat(act("operator", number, "report", Map.of()).status()).isEqualTo(404);
        assertThat(act("operator", number, "submit", Map.of()).status()).isEqualTo(404);
        assertThat(act("operator", number, "register", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aMissingIdIsNamedBeforeAnythingHappens() {
        String number = submit(appeal("占道经营")).text("number");
        assertThat(act("operator", number, "register", Map.of()).status()).isEqualTo(200);
        Api.Answer refused = act("dispatcher", number, "assign", Map.of("note", "请尽快"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("departmentId");
        assertThat(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))).status())
                .isEqualTo(200);
    }
}
