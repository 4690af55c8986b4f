package cn.civicloop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;
import tools.jackson.databind.JsonNode;

/**
 * Hazard and linkage rules as data: edited by admins with checks and one history, in force at once; what the
 * dispatcher sees of a case they matched (the queue, the case's triage record) and how a correction counts. Runs
 * with automatic assignment off (the test default), as a district that wants a person to confirm every case.
 */
class HazardRulesApiTests extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Map<String, Object> hazardRule(String name, String patterns, String department) {
        Map<String, Object> r = new HashMap<>();
        r.put("name", name);
        r.put("level", "LINKAGE");
        r.put("patterns", patterns);
        r.put("departmentCode", department);
        r.put("urgency", "NORMAL");
        return r;
    }

    private JsonNode preview(String title, String channel) {
        Api.Answer a = api.post("/api/v1/triage/preview", api.login("dispatcher"),
                Map.of("title", title, "content", title, "channel", channel));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void adminsEditHazardRulesWithOneHistoryAndEachChangeIsInForceAtOnce() {
        String admin = api.login("admin");
        String word = "共享单车" + UUID.randomUUID().toString().substring(0, 4);
        int changes = api.get("/api/v1/admin/routing/history", admin).json().size();
        Map<String, Object> rule = hazardRule("乱停" + word, word + ".{0,4}(乱停|堵)", "ZFJ");
        rule.put("channels", List.of("WECHAT"));
        Api.Answer created = api.post("/api/v1/admin/routing/hazard-rules", admin, rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("active").asBoolean()).as("active unless said otherwise").isTrue();
        JsonNode last = api.get("/api/v1/admin/routing/history", admin).json().get(0);
        assertThat(last.get("ruleKind").asString()).isEqualTo("HAZARD");
        assertThat(last.get("kind").asString()).isEqualTo("CREATE");
        assertThat(last.get("ruleId").asLong()).isEqualTo(id);

        JsonNode hit = preview(word + "乱停堵住了小区门口", "WECHAT").get("hazard");
        assertThat(hit.get("ruleName").asString()).isEqualTo("乱停" + word);
        assertThat(hit.get("departmentCode").asString()).isEqualTo("ZFJ");
        assertThat(preview(word + "乱停堵住了小区门口", "WEBSITE").get("hazard").isNull()).as("other channel").isTrue();

        rule.put("channels", List.of());
        assertThat(api.put("/api/v1/admin/routing/hazard-rules/" + id, admin, rule).status()).isEqualTo(200);
        assertThat(preview(word + "乱停堵住了小区门口", "WEBSITE").get("hazard").get("ruleId").asLong()).isEqualTo(id);
        assertThat(api.delete("/api/v1/admin/routing/hazard-rules/" + id, admin).status()).isEqualTo(204);
        assertThat(preview(word + "乱停堵住了小区门口", "WEBSITE").get("hazard").isNull()).isTrue();
        List<String> kinds = api.get("/api/v1/admin/routing/history", admin).json().valueStream().limit(3)
                .map(c -> c.get("kind").asString()).toList();
        assertThat(kinds).containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(api.get("/api/v1/admin/routing/history", admin).json().size()).isEqualTo(changes + 3);
        assertThat(api.get("/api/v1/admin/routing/hazard-rules", api.login("dispatcher")).status()).isEqualTo(403);
    }

    @Test
    void aRuleThatCannotWorkIsRefusedWithAReadableReasonAndNothingIsSaved() {
        String admin = api.login("admin");
        int rules = api.get("/api/v1/admin/routing/hazard-rules", admin).json().size();
        int changes = api.get("/api/v1/admin/routing/history", admin).json().size();
        assertRefused(hazardRule("坏模式", "(燃气泄漏", "YJJ"), "patterns", "无法编译");
        assertRefused(hazardRule("回溯", "(a+)+b", "YJJ"), "patterns", "过慢");
        assertRefused(hazardRule("贪婪", ".*泄漏", "YJJ"), "patterns", "过慢");
        assertRefused(hazardRule("空", "燃气?|", "YJJ"), "patterns", "空文本");
        assertRefused(hazardRule("无单位", "燃气泄漏", "NOPE"), "departmentCode", "不存在");
        Map<String, Object> diverts = hazardRule("分流给住建局", "燃气泄漏", "ZJJ");
        diverts.put("diverts", true);
        assertRefused(diverts, "departmentCode", "联动单位");
        Map<String, Object> channel = hazardRule("未知渠道", "燃气泄漏", "YJJ");
        channel.put("channels", List.of("PIGEON"));
        assertRefused(channel, "channels", "未知渠道");
        Map<String, Object> exclude = hazardRule("坏排除", "燃气泄漏", "YJJ");
        exclude.put("excludePatterns", "[缴费");
        assertRefused(exclude, "excludePatterns", "无法编译");
        assertRefused(hazardRule("燃气泄漏", "燃气", "YJJ"), "name", "同名");
        assertThat(api.get("/api/v1/admin/routing/hazard-rules", admin).json().size()).isEqualTo(rules);
        assertThat(api.get("/api/v1/admin/routing/history", admin).json().size()).isEqualTo(changes);
    }

    private void assertRefused(Map<String, Object> rule, String field, String reason) {
        Api.Answer refused = api.post("/api/v1/admin/routing/hazard-rules", api.login("admin"), rule);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals(field)).findFirst().orElseThrow(() ->
                        new AssertionError("no problem for " + field + " in " + refused.body()));
        assertThat(problem.get("reason").asString()).contains(reason);
    }

    @Test
    void readingTheRulesGivesItsDatabaseConnectionBack() {
        // more reads than the pool has connections: a leaked connection per read would starve the twelfth
        String admin = api.login("admin");
        for (int i = 0; i < 12; i++) {
            assertThat(api.get("/api/v1/admin/routing/hazard-rules", admin).status()).isEqualTo(200);
        }
    }

    @Test
    void theShippedRulesAreLoadedOnceInTheirOrder() {
        JsonNode rules = api.get("/api/v1/admin/routing/hazard-rules", api.login("admin")).json();
        List<String> levels = rules.valueStream().map(r -> r.get("level").asString()).toList();
        assertThat(levels).isSortedAccordingTo(java.util.Comparator.comparing(cn.civicloop.triage.HazardLevel::valueOf));
        assertThat(rules.valueStream().map(r -> r.get("name").asString()))
                .contains("燃气泄漏", "人员被困", "轻微交通事故", "噪音扰民");
        assertThat(api.get("/api/v1/admin/routing/history", api.login("admin")).json().valueStream()
                .filter(c -> c.get("ruleKind").asString().equals("HAZARD") && c.get("kind").asString().equals("SEED"))
                .count()).isEqualTo(11);
    }

    @Test
    void aHazardCaseWaitsFirstInTheQueueWithItsRuleAndPhraseAndIsUrgentWhateverTheOperatorChose() {
        Map<String, Object> gas = appeal("楼道有味道");
        gas.put("channel", "HOTLINE_12345");
        gas.put("urgency", "NORMAL");
        gas.put("content", "三号楼二单元楼道里一股子煤气味，呛得慌。");
        String number = submitAs("operator", gas).text("number");
        String plain = submit(appeal("小区绿化带杂草丛生")).text("number");
        String dispatcher = api.login("dispatcher");
        Node.await(WAIT, "triage", () -> api.get("/api/v1/triage/cases/" + number, dispatcher).json()
                .get("decision").isObject() && api.get("/api/v1/triage/cases/" + plain, dispatcher).json()
                .get("decision").isObject());

        JsonNode view = api.get("/api/v1/cases/" + number, api.login("leader")).json();
        assertThat(view.get("urgency").asString()).as("the rule's urgency over the operator's choice").isEqualTo("URGENT");
        // the operator's call is registered at once; automatic assignment leaves it there
        assertThat(view.get("status").asString()).as("automatic assignment is off").isEqualTo("REGISTERED");
        JsonNode decision = api.get("/api/v1/triage/cases/" + number, dispatcher).json().get("decision");
        assertThat(decision.get("hazard").get("ruleName").asString()).isEqualTo("燃气泄漏");
        assertThat(decision.get("hazard").get("phrase").asString()).contains("煤气味");
        assertThat(decision.get("hazard").get("level").asString()).isEqualTo("LIFE");
        assertThat(decision.get("departmentCode").asString()).isEqualTo("YJJ");
        assertThat(decision.get("autoRouted").asBoolean()).isFalse();

        List<JsonNode> queue = api.get("/api/v1/triage/queue?limit=200", dispatcher).json().valueStream().toList();
        int gasAt = indexOf(queue, number);
        int plainAt = indexOf(queue, plain);
        assertThat(gasAt).isNotNegative().isLessThan(plainAt);
        assertThat(queue.get(gasAt).get("hazard").get("phrase").asString()).contains("煤气味");
        assertThat(queue.get(gasAt).get("hazardDepartmentCode").asString()).isEqualTo("YJJ");
        assertThat(queue.get(plainAt).get("hazard").isNull()).isTrue();
    }

    @Test
    void aDispatcherWhoSendsAHazardCaseElsewhereIsCountedAsACorrectionAndOneWhoFollowsItIsNot() {
        String dispatcher = api.login("dispatcher");
        Map<String, Object> fire = appeal("车棚起火");
        fire.put("content", "小区电动车棚起火了，烧得很厉害。");
        String followed = submit(fire).text("number");
        Map<String, Object> fire2 = appeal("车棚起火了");
        fire2.put("content", "另一个小区的电动车棚也起火了，火苗很大。");
        String overridden = submit(fire2).text("number");
        for (String n : List.of(followed, overridden)) {
            Node.await(WAIT, "triage of " + n, () -> api.get("/api/v1/triage/cases/" + n, dispatcher).json()
                    .get("decision").isObject());
            assertThat(act("operator", n, "register", Map.of()).status()).isEqualTo(200);
        }
        long before = api.get("/api/v1/triage/stats", dispatcher).json().get("corrected").asLong();
        assertThat(act("dispatcher", followed, "assign", Map.of("departmentId", departmentId("YJJ"))).status())
                .isEqualTo(200);
        assertThat(act("dispatcher", overridden, "assign", Map.of("departmentId", departmentId("ZFJ"))).status())
                .isEqualTo(200);
        Node.await(WAIT, "correction counted", () -> "OVERRIDE".equals(api.get("/api/v1/triage/cases/" + overridden,
                dispatcher).json().get("decision").get("correction").asString(null)));
        assertThat(api.get("/api/v1/triage/cases/" + followed, dispatcher).json().get("decision").get("correction")
                .isNull()).isTrue();
        assertThat(api.get("/api/v1/triage/stats", dispatcher).json().get("corrected").asLong()).isEqualTo(before + 1);
    }

    private static int indexOf(List<JsonNode> queue, String number) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).get("number").asString().equals(number)) {
                return i;
            }
        }
        return -1;
    }
}
