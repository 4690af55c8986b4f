package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Every configuration change is audited with what changed — the values before and after as JSON in the row's detail —
 * not only the endpoint that was called; a change refused by its checks leaves no such row.
 */
class ConfigurationChangeAuditApiTests extends ApiTest {

    /** The newest CONFIG_CHANGE row of this target, its detail parsed. */
    private JsonNode change(String target) {
        return rows("CONFIG_CHANGE", target).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no CONFIG_CHANGE row for " + target));
    }

    private List<JsonNode> rows(String action, String target) {
        return api.get("/api/v1/admin/audit?limit=300", api.login("auditor")).json().valueStream()
                .filter(r -> action.equals(r.get("action").asString()) && target.equals(r.get("target").asString()))
                .toList();
    }

    private static JsonNode detail(JsonNode row) {
        return Api.json().readTree(row.get("detail").asString());
    }

    @Test
    void aRungOfTheEscalationLadderIsAuditedWithItsStepBeforeAndAfter() {
        String admin = api.login("admin");
        int percent = 600 + (int) (Math.random() * 300);
        String target = "escalation REVIEW/" + percent + "%";
        assertThat(api.put("/api/v1/admin/escalation-ladder", admin,
                Map.of("stage", "REVIEW", "percent", percent, "step", "CIRCULATE")).status()).isEqualTo(200);
        JsonNode created = change(target);
        assertThat(created.get("actor").asString()).isEqualTo("admin");
        assertThat(created.get("outcome").asString()).isEqualTo("CREATED");
        assertThat(detail(created).get("before").isNull()).isTrue();
        assertThat(detail(created).get("after").get("step").asString()).isEqualTo("CIRCULATE");

        assertThat(api.put("/api/v1/admin/escalation-ladder", admin,
                Map.of("stage", "REVIEW", "percent", percent, "step", "SUPERVISE")).status()).isEqualTo(200);
        JsonNode changed = detail(change(target));
        assertThat(changed.get("before").get("step").asString()).isEqualTo("CIRCULATE");
        assertThat(changed.get("after").get("step").asString()).isEqualTo("SUPERVISE");

        assertThat(api.delete("/api/v1/admin/escalation-ladder/REVIEW/" + percent, admin).status()).isEqualTo(204);
        JsonNode removed = change(target);
        assertThat(removed.get("outcome").asString()).isEqualTo("DELETED");
        assertThat(detail(removed).get("before").get("step").asString()).isEqualTo("SUPERVISE");
        assertThat(detail(removed).get("after").isNull()).isTrue();
    }

    @Test
    void aCalendarDayADepartmentAndAHazardRuleAreAuditedWithTheirValues() {
        String admin = api.login("admin");
        String day = "2097-03-" + String.format("%02d", 1 + (int) (Math.random() * 28));
        assertThat(api.put("/api/v1/admin/calendar/days/" + day, admin, Map.of("kind", "HOLIDAY", "name", "审计节"))
                .status()).isEqualTo(200);
        assertThat(detail(change("calendar " + day)).get("after").get("name").asString()).isEqualTo("审计节");
        assertThat(api.delete("/api/v1/admin/calendar/days/" + day, admin).status()).isEqualTo(204);
        assertThat(change("calendar " + day).get("outcome").asString()).isEqualTo("DELETED");

        String code = "AUD-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Answer dept = api.post("/api/v1/admin/departments", admin,
                Map.of("code", code, "name", "审计测试科", "kind", "FUNCTIONAL"));
        assertThat(dept.status()).as(dept.body()).isEqualTo(201);
        Map<String, Object> rename = new HashMap<>();
        rename.put("name", "审计测试二科");
        rename.put("active", true);
        assertThat(api.put("/api/v1/admin/departments/" + dept.json().get("id").asLong(), admin, rename).status())
                .isEqualTo(200);
        JsonNode renamed = detail(change("department " + code));
        assertThat(renamed.get("before").get("name").asString()).isEqualTo("审计测试科");
        assertThat(renamed.get("after").get("name").asString()).isEqualTo("审计测试二科");

        String word = "审计" + UUID.randomUUID().toString().substring(0, 4);
        Map<String, Object> rule = new HashMap<>(Map.of("name", "险情" + word, "level", "LINKAGE", "patterns",
                word + "(冒烟|起火)", "departmentCode", "ZFJ", "urgency", "NORMAL"));
        Api.Answer created = api.post("/api/v1/admin/routing/hazard-rules", admin, rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        rule.put("urgency", "URGENT");
        assertThat(api.put("/api/v1/admin/routing/hazard-rules/" + id, admin, rule).status()).isEqualTo(200);
        JsonNode hazard = detail(change("hazard rule " + id));
        assertThat(hazard.get("before").get("urgency").asString()).isEqualTo("NORMAL");
        assertThat(hazard.get("after").get("urgency").asString()).isEqualTo("URGENT");
        assertThat(hazard.get("after").get("patterns").asString()).isEqualTo(word + "(冒烟|起火)");
    }

    @Test
    void anEncodedSpellingOfAnAdminPathIsRecordedAsThePathItReached() {
        String admin = api.login("admin");
        String code = "ENC-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Answer created = api.post("/api/v1/%61dmin/department%73", admin,
                Map.of("code", code, "name", "编码路径科", "kind", "FUNCTIONAL"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<JsonNode> writes = api.get("/api/v1/admin/audit?limit=300", api.login("auditor")).json().valueStream()
                .filter(r -> "admin".equals(r.get("actor").asString()) && r.get("target").asString().startsWith("POST"))
                .toList();
        assertThat(writes.get(0).get("target").asString()).as("the newest write of the administrator")
                .isEqualTo("POST /api/v1/admin/departments");
        assertThat(writes.get(0).get("action").asString()).isEqualTo("ADMIN_CHANGE");
        assertThat(writes).noneSatisfy(r -> assertThat(r.get("target").asString()).contains("%"));
    }

    @Test
    void aChangeRefusedByItsChecksLeavesNoChangeRow() {
        String admin = api.login("admin");
        String day = "2098-01-0" + (1 + (int) (Math.random() * 9));
        // a weekday cannot be declared a working weekend day: refused, nothing changed, nothing claimed
        Api.Answer refused = api.put("/api/v1/admin/calendar/days/" + firstWeekday(day), admin,
                Map.of("kind", "WORKDAY", "name", "补班"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(rows("CONFIG_CHANGE", "calendar " + firstWeekday(day))).isEmpty();
    }

    private static String firstWeekday(String day) {
        java.time.LocalDate d = java.time.LocalDate.parse(day);
        while (d.getDayOfWeek().getValue() > 5) {
            d = d.plusDays(1);
        }
        return d.toString();
    }
}
