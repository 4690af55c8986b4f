package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/** What the resident's own view (number + code) shows, and when. */
class PublicViewApiTests extends ApiTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Test
    void aReplysEvidenceIsShownOnlyOnceTheReplyIsApproved() {
        Api.Answer submitted = submit(appeal("人行道地砖松动"));
        String number = submitted.text("number");
        String token = submitted.text("trackingToken");
        act("operator", number, "register", Map.of());
        act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ")));
        act("zfj", number, "sign", Map.of());
        Api.Answer replied = api.postMultipart("/api/v1/cases/" + number + "/actions/reply", api.login("zfj"),
                "request", Map.of("text", "已重新铺设地砖"), "photos", Map.of("after.png", PNG));
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        long evidence = api.get("/api/v1/cases/" + number, api.login("zfj")).json().get("attachments").get(0)
                .get("id").asLong();

        JsonNode before = track(number, token);
        assertThat(before.get("reply").isNull()).as("reply not yet published").isTrue();
        assertThat(before.get("attachments").toString()).doesNotContain("after.png");
        assertThat(photo(number, token, evidence).status()).as("the evidence itself").isEqualTo(404);

        act("officer", number, "approve", Map.of());
        JsonNode after = track(number, token);
        assertThat(after.get("reply").asString()).isEqualTo("已重新铺设地砖");
        assertThat(after.get("attachments").toString()).contains("after.png");
        assertThat(photo(number, token, evidence).status()).isEqualTo(200);
    }

    private JsonNode track(String number, String token) {
        return api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", token)).json();
    }

    private Api.Answer photo(String number, String token, long id) {
        return api.get("/api/v1/public/cases/" + number + "/attachments/" + id, null,
                Map.of("X-Tracking-Token", token));
    }
}
