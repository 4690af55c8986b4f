package cn.civicloop.cases;

import static cn.civicloop.support.CaseSteps.ok;
import static cn.civicloop.support.CaseSteps.signedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** 主办/协办, supervision and arbitration over HTTP. */
class CoHandlingApiTests extends ApiTest {

    @Test
    void theLeadCannotReplyUntilBothCoHandlersRepliedOrWereReleased() {
        String number = signedBy(api, "ZFJ", appeal("建设北路违建占用消防通道"));
        add(number, "ZJJ");
        add(number, "YJJ");

        Api.Answer early = act("zfj", number, "reply", Map.of("text", "已拆除"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("区住房和城乡建设局").contains("区应急管理局");

        assertThat(act("zjj", number, "co-reply", Map.of("text", "x")).status()).as("sign first").isEqualTo(409);
        ok(act("zjj", number, "co-sign", Map.of()));
        ok(act("zjj", number, "co-reply", Map.of("text", "已核查建设手续，无规划许可")));
        assertThat(act("zfj", number, "reply", Map.of("text", "已拆除")).status()).isEqualTo(409);

        ok(act("yjj", number, "co-sign", Map.of()));
        JsonNode afterBoth = ok(act("yjj", number, "co-reply", Map.of("text", "已排查消防隐患"))).json();
        assertThat(afterBoth.get("coHandlers").valueStream().map(t -> t.get("status").asString()).toList())
                .containsExactly("REPLIED", "REPLIED");
        JsonNode replied = ok(act("zfj", number, "reply", Map.of("text", "违建已拆除，消防通道已恢复"))).json();
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
    }

    @Test
    void aReleasedCoHandlerNoLongerHoldsTheCase() {
        String number = signedBy(api, "ZFJ", appeal("噪音与油烟双重扰民"));
        add(number, "HBJ");
        assertThat(api.get("/api/v1/cases/" + number, api.login("hbj")).status()).isEqualTo(200);
        assertThat(act("zfj", number, "reply", Map.of("text", "x")).status()).isEqualTo(409);
        ok(act("hbj", number, "co-return", Map.of("reason", "油烟属执法局职责，不属本局")));
        ok(act("dispatcher", number, "release-co-handler", Map.of("departmentId", departmentId("HBJ"),
                "reason", "确认由执法局一并处理")));
        assertThat(api.get("/api/v1/cases/" + number, api.login("hbj")).status()).isEqualTo(403);
        assertThat(act("zfj", number, "reply", Map.of("text", "已处理")).status()).isEqualTo(200);
    }

    @Test
    void aCoHandlingDepartmentListsTheCaseAndAnUnrelatedOneDoesNot() {
        String marker = "协办列表" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String number = signedBy(api, "ZFJ", appeal(marker + " 占道经营与油烟"));
        add(number, "HBJ");
        assertThat(listed("hbj", marker)).as("the co-handler").containsExactly(number);
        assertThat(listed("zfj", marker)).as("the lead").containsExactly(number);
        assertThat(listed("yjj", marker)).as("an unrelated department").isEmpty();
        // the handler's queues read the status of the department's own part: the co-task, not the case
        assertThat(queue("hbj", "to-sign", marker)).contains(number);
        assertThat(queue("hbj", "in-progress", marker)).doesNotContain(number);
        assertThat(queue("yjj", "to-sign", marker)).doesNotContain(number);
        ok(act("hbj", number, "co-sign", Map.of()));
        assertThat(queue("hbj", "to-sign", marker)).doesNotContain(number);
        assertThat(queue("hbj", "in-progress", marker)).contains(number);

        ok(act("hbj", number, "co-return", Map.of("reason", "油烟属执法局职责，不属本局")));
        ok(act("dispatcher", number, "release-co-handler", Map.of("departmentId", departmentId("HBJ"),
                "reason", "确认由执法局一并处理")));
        assertThat(listed("hbj", marker)).as("a released co-handler").isEmpty();
        assertThat(listed("zfj", marker)).containsExactly(number);
    }

    @Test
    void onlyTheCentreAddsCoHandlersAndOnlyCoHandlersActOnTheirTask() {
        String number = signedBy(api, "ZFJ", appeal("协办权限"));
        assertThat(act("zfj", number, "add-co-handler", Map.of("departmentId", departmentId("ZJJ"))).status())
                .isEqualTo(403);
        add(number, "ZJJ");
        assertThat(act("zfj", number, "co-sign", Map.of()).status()).as("the lead has no co-task").isEqualTo(403);
        assertThat(act("yjj", number, "co-sign", Map.of()).status()).isEqualTo(403);
        assertThat(act("zjj", number, "sign", Map.of()).status()).as("a co-handler cannot act as lead").isEqualTo(403);
        assertThat(act("dispatcher", number, "add-co-handler", Map.of("departmentId", departmentId("ZFJ"))).status())
                .as("the lead cannot co-handle its own case").isEqualTo(422);
    }

    @Test
    void aJurisdictionDisputeEndsWithARecordedArbitration() {
        String number = submit(appeal("河道边垃圾堆放，执法局和街道互相推诿")).text("number");
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("zfj", number, "return", Map.of("reason", "属地街道负责河道保洁")));
        ok(act("dispatcher", number, "reassign", Map.of("departmentId", departmentId("JD-ZX"), "reason", "改派属地")));
        ok(act("jd-zx", number, "return", Map.of("reason", "垃圾属违法倾倒，应由执法局查处")));

        JsonNode decided = ok(act("dispatcher", number, "arbitrate", Map.of("departmentId", departmentId("ZFJ"),
                "reason", "终审：违法倾倒由执法局查处，街道配合清理"))).json();
        assertThat(decided.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(decided.get("arbitrated").asBoolean()).isTrue();
        assertThat(decided.get("departmentName").asString()).isEqualTo("区综合行政执法局");

        Api.Answer again = act("zfj", number, "return", Map.of("reason", "仍不属本局"));
        assertThat(again.status()).isEqualTo(409);
        List<JsonNode> timeline = api.get("/api/v1/cases/" + number + "/timeline", api.login("leader")).json()
                .valueStream().filter(e -> e.get("action").asString().equals("ARBITRATE")).toList();
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("reason").asString()).startsWith("终审");
        assertThat(timeline.get(0).get("actorName").asString()).isEqualTo("赵强");
    }

    @Test
    void supervisionMustBeAcknowledgedByTheDepartment() {
        String number = signedBy(api, "ZFJ", appeal("督办测试"));
        assertThat(act("zfj", number, "acknowledge", Map.of()).status()).isEqualTo(409);
        ok(act("leader", number, "supervise", Map.of("note", "群众反映强烈，三日内办结")));
        ok(act("dispatcher", number, "urge", Map.of("note", "请加快办理")));
        assertThat(view(number).get("openSupervisions").asInt()).isEqualTo(2);
        assertThat(act("yjj", number, "acknowledge", Map.of()).status()).isEqualTo(403);
        ok(act("zfj", number, "acknowledge", Map.of("note", "已安排专人，明日完成")));
        assertThat(view(number).get("openSupervisions").asInt()).isZero();
        List<String> actions = api.get("/api/v1/cases/" + number + "/timeline", api.login("leader")).json()
                .valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsSubsequence("SUPERVISE", "URGE", "ACKNOWLEDGE");
    }

    @Test
    void eachStageHasItsClockAndTheHandlerRecordsFirstContact() {
        String number = signedBy(api, "ZFJ", appeal("分阶段时限"));
        JsonNode view = view(number);
        assertThat(stages(view)).contains("HANDLE", "SIGN", "CONTACT");
        assertThat(clock(view, "SIGN").get("state").asString()).isEqualTo("STOPPED");
        assertThat(clock(view, "CONTACT").get("state").asString()).isEqualTo("RUNNING");
        assertThat(clock(view, "HANDLE").get("light").asString()).isEqualTo("GREEN");
        ok(act("zfj", number, "contact", Map.of("note", "已电话联系诉求人")));
        assertThat(clock(view(number), "CONTACT").get("state").asString()).isEqualTo("STOPPED");
        ok(act("dispatcher", number, "park", Map.of("reason", "等待上级批复")));
        assertThat(clock(view(number), "HANDLE").get("state").asString()).isEqualTo("PAUSED");
        ok(act("dispatcher", number, "resume", Map.of()));
        assertThat(clock(view(number), "HANDLE").get("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void reworkRestartsTheHandlingClockWithTheShorterReworkLimit() {
        String number = signedBy(api, "ZFJ", appeal("返工后时限缩短"));
        JsonNode first = clock(view(number), "HANDLE");
        assertThat(first.get("round").asInt()).isEqualTo(1);
        ok(act("zfj", number, "reply", Map.of("text", "已处理")));
        assertThat(clock(view(number), "HANDLE").get("state").asString()).isEqualTo("STOPPED");
        assertThat(clock(view(number), "REVIEW").get("state").asString()).isEqualTo("RUNNING");
        ok(act("officer", number, "reject", Map.of("reason", "未处理到位")));
        JsonNode second = clock(view(number), "HANDLE");
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("state").asString()).isEqualTo("RUNNING");
        java.time.Instant firstDue = java.time.Instant.parse(first.get("dueAt").asString());
        java.time.Instant reworkDue = java.time.Instant.parse(second.get("dueAt").asString());
        assertThat(reworkDue).as("5 working days of rework end before the original 13").isBefore(firstDue);
        assertThat(java.time.Instant.parse(view(number).get("dueAt").asString())).isEqualTo(reworkDue);
    }

    private List<String> stages(JsonNode view) {
        return view.get("clocks").valueStream().map(c -> c.get("stage").asString()).toList();
    }

    private JsonNode clock(JsonNode view, String stage) {
        return view.get("clocks").valueStream().filter(c -> c.get("stage").asString().equals(stage)).findFirst()
                .orElseThrow();
    }

    private java.util.List<String> listed(String user, String marker) {
        Api.Answer a = api.get("/api/v1/cases?size=100&q=" + enc(marker), api.login(user));
        assertThat(a.status()).as(user + ": " + a.body()).isEqualTo(200);
        return a.json().get("items").valueStream().map(i -> i.get("number").asString()).toList();
    }

    /** The workbench queue's list as the page shows it to {@code user}. */
    private String queue(String user, String queue, String marker) {
        var page = cn.civicloop.support.PageSession.login(port(), user)
                .get("/workbench/cases/list?queue=" + queue + "&q=" + enc(marker));
        assertThat(page.statusCode()).as(user + " " + queue).isEqualTo(200);
        return page.body();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void add(String number, String code) {
        ok(act("dispatcher", number, "add-co-handler", Map.of("departmentId", departmentId(code))));
    }

    private JsonNode view(String number) {
        return api.get("/api/v1/cases/" + number, api.login("leader")).json();
    }

}
