package cn.civicloop.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/** Time limits and the ladder over the JSON admin API: the same rules as the admin pages. */
class SlaAdminApiTests extends ApiTest {

    @Test
    void anAdminSetsALimitAndUnknownStagesOrKindsAreRefused() {
        String admin = api.login("admin");
        Api.Answer saved = api.put("/api/v1/admin/time-limits", admin, Map.of("scope", "测试分类", "urgency", "NORMAL",
                "stage", "HANDLE", "amount", 7, "unit", "WORKING_DAYS"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().valueStream().anyMatch(r -> r.get("scope").asString().equals("测试分类")
                && r.get("amount").asInt() == 7)).isTrue();

        Api.Answer badStage = api.put("/api/v1/admin/time-limits", admin, Map.of("scope", "*", "urgency", "NORMAL",
                "stage", "LUNCH", "amount", 1, "unit", "HOURS"));
        assertThat(badStage.status()).isEqualTo(422);
        assertThat(badStage.json().get("errors").get(0).get("field").asString()).isEqualTo("stage");
        Api.Answer badKind = api.put("/api/v1/admin/time-limits", admin, Map.of("scope", "GOSSIP", "urgency", "NORMAL",
                "stage", "HANDLE", "amount", 1, "unit", "HOURS"));
        assertThat(badKind.status()).isEqualTo(422);
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("scope");
        assertThat(api.get("/api/v1/admin/time-limits", api.login("dispatcher")).status()).isEqualTo(403);
    }

    @Test
    void anAdminAddsAndRemovesARungOfTheLadder() {
        String admin = api.login("admin");
        Api.Answer saved = api.put("/api/v1/admin/escalation-ladder", admin,
                Map.of("stage", "REVIEW", "percent", 555, "step", "CIRCULATE"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().valueStream().anyMatch(r -> r.get("percent").asInt() == 555)).isTrue();
        assertThat(api.put("/api/v1/admin/escalation-ladder", admin,
                Map.of("stage", "REVIEW", "percent", 0, "step", "CIRCULATE")).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/admin/escalation-ladder/REVIEW/555", admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/admin/escalation-ladder", admin).json().valueStream()
                .noneMatch(r -> r.get("percent").asInt() == 555)).isTrue();
    }
}
