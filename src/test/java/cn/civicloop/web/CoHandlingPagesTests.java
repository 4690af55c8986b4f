package cn.civicloop.web;

import static cn.civicloop.support.CaseSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * 协办 as the co-handling department meets it: its task in its default queue (待签收), then under 办理中; 协办签收
 * offered once; its task's status in words; and the timeline naming each actor's own department.
 */
class CoHandlingPagesTests extends ApiTest {

    @Test
    void theCoHandlersDefaultQueueListsItsTaskAndOnlyTheNextStepIsOffered() {
        String number = submit(appeal("协办队列：违建占用消防通道")).text("number");
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("zfj", number, "sign", Map.of()));
        ok(act("dispatcher", number, "add-co-handler", Map.of("departmentId", departmentId("ZJJ"))));

        PageSession zjj = PageSession.login(port(), "zjj");
        assertThat(zjj.get("/workbench/cases/list").body()).as("the default queue (待签收)").contains(number);
        assertThat(allowed("zjj", number)).contains("CO_SIGN", "CO_RETURN").doesNotContain("CO_REPLY");
        String page = zjj.get("/workbench/cases/" + number + "?lang=zh_CN").body();
        assertThat(page).contains("class=\"co-status\">待签收<").doesNotContain(">ASSIGNED<");

        ok(act("zjj", number, "co-sign", Map.of()));
        assertThat(allowed("zjj", number)).as("signed once: 协办签收 no more").doesNotContain("CO_SIGN")
                .contains("CO_REPLY");
        assertThat(zjj.get("/workbench/cases/list").body()).doesNotContain(number);
        assertThat(zjj.get("/workbench/cases/list?queue=in-progress").body()).contains(number);
        page = zjj.get("/workbench/cases/" + number + "?lang=en").body();
        assertThat(page).contains("class=\"co-status\">In progress<").doesNotContain(">IN_PROGRESS<");
        // the lead department's queues are its own part only: its signed case is in progress, not to sign
        PageSession zfj = PageSession.login(port(), "zfj");
        assertThat(zfj.get("/workbench/cases/list").body()).doesNotContain(number);
        assertThat(zfj.get("/workbench/cases/list?queue=in-progress").body()).contains(number);
    }

    @Test
    void theTimelineNamesEachActorsOwnDepartment() {
        String number = submit(appeal("协办时间线：油烟扰民")).text("number");
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("zfj", number, "sign", Map.of()));
        ok(act("dispatcher", number, "add-co-handler", Map.of("departmentId", departmentId("HBJ"))));
        ok(act("hbj", number, "co-sign", Map.of()));

        JsonNode timeline = api.get("/api/v1/cases/" + number + "/timeline", api.login("dispatcher")).json();
        JsonNode added = entry(timeline, "ADD_CO_HANDLER");
        assertThat(added.get("actorName").asString()).isEqualTo("赵强");
        assertThat(added.get("actorDepartmentName").asString()).isEqualTo("市中区社会治理服务中心");
        assertThat(added.get("departmentId").asLong()).as("the step still names the co-handler")
                .isEqualTo(departmentId("HBJ"));
        JsonNode coSigned = entry(timeline, "CO_SIGN");
        assertThat(coSigned.get("actorDepartmentId").asLong()).isEqualTo(departmentId("HBJ"));
        assertThat(entry(timeline, "SIGN").get("actorDepartmentId").asLong()).isEqualTo(departmentId("ZFJ"));

        String page = PageSession.login(port(), "dispatcher").get("/workbench/cases/" + number + "?lang=zh_CN").body();
        assertThat(page).contains("赵强</span><span>（<span class=\"timeline-actor-department\">市中区社会治理服务中心</span>）");
    }

    private JsonNode entry(JsonNode timeline, String action) {
        return timeline.valueStream().filter(e -> e.get("action").asString().equals(action)).findFirst().orElseThrow();
    }

    private java.util.List<String> allowed(String user, String number) {
        return api.get("/api/v1/cases/" + number, api.login(user)).json().get("allowedActions").valueStream()
                .map(JsonNode::asString).toList();
    }
}
