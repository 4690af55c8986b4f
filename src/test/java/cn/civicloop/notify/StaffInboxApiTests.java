package cn.civicloop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.support.Api;
import tools.jackson.databind.JsonNode;

/** The staff inbox over HTTP: who is told of which step, and that everyone reads only his own letters. */
class StaffInboxApiTests extends NotifyApiTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAssignmentReachesTheHandlerAndTheHeadOfThatDepartmentOnly() {
        String number = assigned("ZFJ", "人行道违章停车");
        JsonNode letter = awaitLetter("zfj", number, "新工单待签收");
        assertThat(letter.get("kind").asString()).isEqualTo("ASSIGN");
        assertThat(letter.get("body").asString()).contains(number).contains("派单");
        assertThat(letter.get("readAt").isNull()).isTrue();
        // one event, one transaction: when the handler has his letter, everybody who gets one has it
        assertThat(letters("zfj-head", number)).extracting(l -> l.get("title").asString()).containsExactly("新工单待签收");
        assertThat(letters("yjj", number)).isEmpty();
        assertThat(letters("dispatcher", number)).isEmpty();
    }

    @Test
    void aReturnReachesTheDistrictDispatcherNotTheDepartmentsOwn() {
        String number = assigned("ZFJ", "井盖缺失");
        ok(act("zfj", number, "return", Map.of("reason", "井盖属市政设施，不属本局职责")));
        JsonNode letter = awaitLetter("dispatcher", number, "退单待审");
        assertThat(letter.get("kind").asString()).isEqualTo("RETURN");
        assertThat(letters("zfj-dispatcher", number)).isEmpty();
    }

    @Test
    void aReplyWaitsForTheOperatorsReview() {
        String number = assigned("ZFJ", "占道经营");
        ok(act("zfj", number, "sign", Map.of()));
        ok(act("zfj", number, "reply", Map.of("text", "已劝离")));
        awaitLetter("operator", number, "办理反馈待审核");
        awaitLetter("officer", number, "办理反馈待审核");
    }

    @Test
    void aDissatisfiedFollowUpReachesTheCentresInformationOfficers() {
        Api.Answer submitted = submit(appeal("小区门口垃圾满溢"));
        String number = submitted.text("number");
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("zfj", number, "sign", Map.of()));
        ok(act("zfj", number, "reply", Map.of("text", "已清运")));
        ok(act("officer", number, "approve", Map.of()));
        Api.Answer answered = api.post("/api/v1/public/cases/" + number + "/follow-up", null,
                Map.of("resolved", false, "satisfaction", "DISSATISFIED", "comment", "第二天又满了"),
                Map.of("X-Tracking-Token", submitted.text("trackingToken")));
        ok(answered);

        JsonNode letter = awaitLetter("officer", number, "回访不满意待处理");
        assertThat(letter.get("kind").asString()).isEqualTo("FOLLOW_UP_UNSETTLED");
        assertThat(letter.get("body").asString()).contains(number).contains("不满意");
        awaitLetter("operator", number, "回访不满意待处理");
        assertThat(letters("zfj", number)).extracting(l -> l.get("title").asString())
                .doesNotContain("回访不满意待处理");
    }

    @Test
    void aManualUrgingReachesTheHandlerAndTheHead() {
        String number = assigned("ZFJ", "广场舞噪音扰民");
        ok(act("dispatcher", number, "urge", Map.of("note", "请加快办理")));
        assertThat(awaitLetter("zfj", number, "工单催办").get("kind").asString()).isEqualTo("URGE");
        awaitLetter("zfj-head", number, "工单催办");
    }

    @Test
    void everyoneReadsHisOwnLettersOnly() {
        String number = assigned("ZFJ", "夜间施工噪音");
        long id = awaitLetter("zfj", number, "新工单待签收").get("id").asLong();
        String zfj = api.login("zfj");
        long unreadBefore = api.get("/api/v1/inbox?unread=true", zfj).json().get("unread").asLong();

        Api.Answer foreign = api.post("/api/v1/inbox/" + id + "/read", api.login("zfj-head"), Map.of());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.post("/api/v1/inbox/999999999/read", zfj, Map.of()).status()).isEqualTo(404);

        Api.Answer read = api.post("/api/v1/inbox/" + id + "/read", zfj, Map.of());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        Instant readAt = Instant.parse(read.text("readAt"));
        Api.Answer again = api.post("/api/v1/inbox/" + id + "/read", zfj, Map.of());
        assertThat(Instant.parse(again.text("readAt"))).isEqualTo(readAt);

        JsonNode unread = api.get("/api/v1/inbox?unread=true&size=100", zfj).json();
        assertThat(unread.get("unread").asLong()).isEqualTo(unreadBefore - 1);
        assertThat(unread.get("items").valueStream().map(i -> i.get("id").asLong())).doesNotContain(id);
        assertThat(letters("zfj-head", number).get(0).get("readAt").isNull()).isTrue();
    }

    @Test
    void theInboxIsPagedNewestFirstAndNeedsALogin() {
        String number = assigned("ZFJ", "流动摊贩占道");
        awaitLetter("zfj", number, "新工单待签收");
        ok(act("zfj", number, "return", Map.of("reason", "应由属地街道处理")));
        ok(act("dispatcher", number, "deny-return", Map.of("reason", "派单目录明确由执法局负责")));
        awaitLetter("zfj", number, "退单被驳回");
        assertThat(letters("zfj", number)).extracting(l -> l.get("title").asString())
                .containsExactly("退单被驳回", "新工单待签收");

        JsonNode first = api.get("/api/v1/inbox?page=0&size=1", api.login("zfj")).json();
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("size").asInt()).isEqualTo(1);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/inbox", null).status()).isEqualTo(401);
    }

    @Test
    void aReportedEscalationReachesTheLeadersAndAnUnassignedReminderTheOperators() {
        String number = submit(appeal("超期未办结的诉求")).text("number");
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new CaseEscalated(number, ClockStage.HANDLE, 150, EscalationStep.CIRCULATE,
                    departmentId("ZFJ"), now, now));
            events.publishEvent(new CaseEscalated(number, ClockStage.SIGN, 80, EscalationStep.REMIND, null, now, now));
        });
        JsonNode report = awaitLetter("leader", number, "工单超时通报");
        assertThat(report.get("body").asString()).contains("办结").contains("150%").contains("通报");
        awaitLetter("operator", number, "工单时限提醒");
        assertThat(letters("zfj", number)).isEmpty();
    }
}
