package cn.civicloop.cases;

import static cn.civicloop.support.CaseSteps.assignedTo;
import static cn.civicloop.support.CaseSteps.ok;
import static cn.civicloop.support.CaseSteps.signedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.TimeLimit;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Each exception path of the lifecycle over HTTP: what it changes, what it records, what the resident sees. */
class ExceptionPathsApiTests extends ApiTest {

    @Autowired
    BusinessCalendar calendar;

    @Test
    void anOperatorDeclinesAnAppealOutsideTheHotlinesRemitAndTheResidentSeesWhy() {
        Api.Answer s = submit(appeal("邻居欠款不还"));
        ok(act("operator", s.text("number"), "decline", Map.of("reason", "属民事纠纷，请通过诉讼途径解决")), "DECLINED");
        JsonNode pub = track(s);
        assertThat(pub.get("status").asString()).isEqualTo("DECLINED");
        assertThat(pub.get("timeline").toString()).contains("属民事纠纷");
    }

    @Test
    void aPureEnquiryIsAnsweredDirectlyAndClosed() {
        Map<String, Object> enquiry = appeal("社保卡在哪里补办");
        enquiry.put("kind", "ENQUIRY");
        Api.Answer s = submit(enquiry);
        JsonNode closed = ok(act("operator", s.text("number"), "answer", Map.of("text", "携带身份证到区政务服务中心社保窗口办理")), "CLOSED");
        assertThat(closed.get("replyText").asString()).contains("政务服务中心");
        assertThat(track(s).get("reply").asString()).contains("政务服务中心");
    }

    @Test
    void aReturnedCaseIsReassignedToTheRightDepartmentOrSentBack() {
        String number = assignedTo(api, "ZJJ", appeal("小区门口井盖缺失"));
        ok(act("zjj", number, "return", Map.of("reason", "井盖属市政设施，不属本局职责")), "RETURN_REQUESTED");
        JsonNode re = ok(act("dispatcher", number, "reassign", Map.of("departmentId", departmentId("ZFJ"),
                "reason", "按派单目录改派执法局")), "ASSIGNED");
        assertThat(re.get("departmentName").asString()).isEqualTo("区综合行政执法局");
        assertThat(re.get("returnCount").asInt()).isEqualTo(1);

        ok(act("zfj", number, "return", Map.of("reason", "应由属地街道处理")), "RETURN_REQUESTED");
        JsonNode denied = ok(act("dispatcher", number, "deny-return", Map.of("reason", "派单目录明确由执法局负责")), "ASSIGNED");
        assertThat(denied.get("departmentName").asString()).isEqualTo("区综合行政执法局");
        assertThat(denied.get("returnCount").asInt()).isEqualTo(2);
        assertThat(act("zfj", number, "sign", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndADeniedOneDoesNot() {
        String number = signedBy(api, "ZFJ", appeal("违建拆除需要走法定程序"));
        Instant due = Instant.parse(view(number).get("dueAt").asString());
        ok(act("zfj", number, "request-extension", Map.of("workingDays", 5, "reason", "需履行法定告知程序")), "EXTENSION_REQUESTED");
        JsonNode approved = ok(act("dispatcher", number, "approve-extension", Map.of()), "IN_PROGRESS");
        Instant extended = Instant.parse(approved.get("dueAt").asString());
        assertThat(extended).as("five working days, not calendar days, after the old deadline")
                .isEqualTo(calendar.deadline(due, TimeLimit.workingDays(5)));
        assertThat(approved.get("requestedExtensionDays").isNull()).isTrue();

        ok(act("zfj", number, "request-extension", Map.of("workingDays", 3, "reason", "再延三天")), "EXTENSION_REQUESTED");
        JsonNode denied = ok(act("dispatcher", number, "deny-extension", Map.of("reason", "期限已足够")), "IN_PROGRESS");
        assertThat(Instant.parse(denied.get("dueAt").asString())).isEqualTo(extended);
    }

    @Test
    void anExtensionNeedsAReasonAndASensibleNumberOfDays() {
        String number = signedBy(api, "ZFJ", appeal("需要延期的工单"));
        Api.Answer noReason = act("zfj", number, "request-extension", Map.of("workingDays", 5));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Api.Answer tooMany = act("zfj", number, "request-extension", Map.of("workingDays", 400, "reason", "x"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(view(number).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aLongTermCaseIsParkedAndResumed() {
        String number = signedBy(api, "ZJJ", appeal("老旧小区整体改造"));
        ok(act("dispatcher", number, "park", Map.of("reason", "已列入明年老旧小区改造计划")), "PARKED");
        assertThat(act("zjj", number, "reply", Map.of("text", "x")).status()).isEqualTo(409);
        ok(act("dispatcher", number, "resume", Map.of()), "IN_PROGRESS");
    }

    @Test
    void anInvalidCaseIsVoidedWithAReason() {
        Api.Answer s = submit(appeal("测试测试"));
        ok(act("operator", s.text("number"), "void", Map.of("reason", "无效诉求：测试信息")), "VOIDED");
        assertThat(act("operator", s.text("number"), "register", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void mergingADuplicateKeepsAllReporters() {
        Api.Answer first = submit(appeal("君山东路积水严重"));
        Map<String, Object> second = appeal("君山东路积水严重，车辆无法通行");
        second.put("channel", "WECHAT");
        second.put("contact", Map.of("name", "李四", "phone", "13900001111"));
        Api.Answer dup = submit(second);
        ok(act("operator", dup.text("number"), "merge", Map.of("intoNumber", first.text("number"))), "VOIDED");

        JsonNode target = view(first.text("number"));
        assertThat(target.get("reporterCount").asInt()).isEqualTo(2);
        assertThat(view(dup.text("number")).get("duplicateOf").asString()).isEqualTo(first.text("number"));
        List<String> targetActions = timeline(first.text("number")).valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(targetActions).contains("MERGE");
        assertThat(act("operator", dup.text("number"), "merge", Map.of("intoNumber", dup.text("number"))).status())
                .isEqualTo(409);
    }

    @Test
    void aCaseCannotBeMergedIntoItselfOrAnEndedCase() {
        Api.Answer a = submit(appeal("重复件 A"));
        Api.Answer self = act("operator", a.text("number"), "merge", Map.of("intoNumber", a.text("number")));
        assertThat(self.status()).isEqualTo(422);
        Api.Answer ended = submit(appeal("已作废的目标"));
        act("operator", ended.text("number"), "void", Map.of("reason", "无效"));
        assertThat(act("operator", a.text("number"), "merge", Map.of("intoNumber", ended.text("number"))).status())
                .isEqualTo(409);
        assertThat(view(a.text("number")).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void aSatisfiedResidentClosesTheCaseByAnsweringTheFollowUp() {
        Api.Answer s = submit(appeal("建设北路噪音扰民"));
        String number = s.text("number");
        toFollowUp(number, "ZFJ");
        Api.Answer answer = api.post("/api/v1/public/cases/" + number + "/follow-up", null,
                Map.of("resolved", true, "satisfaction", "BASICALLY_SATISFIED"), token(s));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("CLOSED");
        assertThat(view(number).get("satisfaction").asString()).isEqualTo("BASICALLY_SATISFIED");
    }

    @Test
    void aDissatisfiedFollowUpLeadsToReworkBySameDepartment() {
        Api.Answer s = submit(appeal("垃圾清运不及时"));
        String number = s.text("number");
        toFollowUp(number, "ZFJ");
        Api.Answer answer = api.post("/api/v1/public/cases/" + number + "/follow-up", null,
                Map.of("resolved", false, "satisfaction", "DISSATISFIED", "comment", "垃圾还在"), token(s));
        assertThat(answer.text("status")).isEqualTo("AWAITING_FOLLOW_UP");
        JsonNode rework = ok(act("officer", number, "rework", Map.of("reason", "群众反映垃圾仍未清运")), "IN_PROGRESS");
        assertThat(rework.get("departmentName").asString()).isEqualTo("区综合行政执法局");
        assertThat(rework.get("reworkCount").asInt()).isEqualTo(1);
    }

    @Test
    void aResidentReopensAClosedCaseOnceWithAReason() {
        Api.Answer s = submit(appeal("路面坑洼"));
        String number = s.text("number");
        toFollowUp(number, "ZFJ");
        ok(act("officer", number, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED")), "AWAITING_FOLLOW_UP");
        ok(act("officer", number, "close", Map.of()), "CLOSED");

        Api.Answer noReason = api.post("/api/v1/public/cases/" + number + "/reopen", null, Map.of("reason", " "), token(s));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Answer reopened = api.post("/api/v1/public/cases/" + number + "/reopen", null,
                Map.of("reason", "修补后又塌陷了"), token(s));
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.text("status")).isEqualTo("ASSIGNED");
        assertThat(reopened.json().get("canReopen").asBoolean()).isFalse();
        JsonNode staff = view(number);
        assertThat(staff.get("departmentName").asString()).isEqualTo("区综合行政执法局");
        assertThat(staff.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(staff.get("satisfaction").asString()).isEqualTo("DISSATISFIED");

        toFollowUpFromAssigned(number, "zfj");
        ok(act("officer", number, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED")), "AWAITING_FOLLOW_UP");
        ok(act("officer", number, "close", Map.of()), "CLOSED");
        Api.Answer again = api.post("/api/v1/public/cases/" + number + "/reopen", null, Map.of("reason", "还是不行"), token(s));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void closingWithoutAFollowUpNeedsAReason() {
        Api.Answer s = submit(appeal("无人接听回访"));
        String number = s.text("number");
        toFollowUp(number, "ZFJ");
        Api.Answer refused = act("officer", number, "close", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        ok(act("officer", number, "close", Map.of("note", "三次回访电话均无人接听")), "CLOSED");
    }

    @Test
    void aReplyCarriesEvidencePhotos() {
        String number = signedBy(api, "ZFJ", appeal("占道经营"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Api.Answer replied = api.postMultipart("/api/v1/cases/" + number + "/actions/reply", api.login("zfj"),
                "request", Map.of("text", "已劝离，现场照片见附件"), "photos", Map.of("after.png", png));
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        JsonNode photo = replied.json().get("attachments").get(0);
        assertThat(photo.get("purpose").asString()).isEqualTo("EVIDENCE");
        assertThat(photo.get("contentType").asString()).isEqualTo("image/png");
        Api.Answer bytes = api.get("/api/v1/cases/" + number + "/attachments/" + photo.get("id").asLong(), api.login("zfj"));
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.contentType()).isEqualTo("image/png");
    }

    @Test
    void photosAreKeptWithEveryActionThatKeepsEvidenceAndRefusedElsewhere() {
        String number = signedBy(api, "ZFJ", appeal("人行道破损"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Api.Answer contacted = api.postMultipart("/api/v1/cases/" + number + "/actions/contact", api.login("zfj"),
                "request", Map.of("note", "已到现场查看"), "photos", Map.of("site.png", png));
        assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);
        assertThat(contacted.json().get("attachments").valueStream().map(a -> a.get("purpose").asString()).toList())
                .containsExactly("EVIDENCE");

        int timelineBefore = timeline(number).size();
        Api.Answer refused = api.postMultipart("/api/v1/cases/" + number + "/actions/request-extension",
                api.login("zfj"), "request", Map.of("workingDays", 3, "reason", "需要采购材料"), "photos",
                Map.of("quote.png", png));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("photos");
        assertThat(timeline(number).size()).as("nothing recorded").isEqualTo(timelineBefore);
        assertThat(view(number).get("attachments").size()).isEqualTo(1);
    }

    @Test
    void closingIsOfferedOnlyOnceAFollowUpIsRecorded() {
        String number = submit(appeal("办结前须回访")).text("number");
        toFollowUp(number, "ZFJ");
        assertThat(allowed("officer", number)).contains("FOLLOW_UP", "REWORK").doesNotContain("CLOSE");
        ok(act("officer", number, "follow-up", Map.of("resolved", true, "satisfaction", "BASICALLY_SATISFIED")),
                "AWAITING_FOLLOW_UP");
        assertThat(allowed("officer", number)).contains("CLOSE");
    }

    @Test
    void anOperatorsRegistrationNoteStaysInternal() {
        Api.Answer s = submit(appeal("受理备注不公开"));
        String number = s.text("number");
        ok(act("operator", number, "register", Map.of("note", "来电人情绪激动，注意沟通")), "REGISTERED");
        JsonNode register = timeline(number).valueStream().filter(e -> e.get("action").asString().equals("REGISTER"))
                .findFirst().orElseThrow();
        assertThat(register.get("remarkPublic").asBoolean()).isFalse();
        Api.Answer publicView = api.get("/api/v1/public/cases/" + number, null,
                Map.of("X-Tracking-Token", s.text("trackingToken")));
        assertThat(publicView.body()).doesNotContain("情绪激动");
    }

    private List<String> allowed(String user, String number) {
        return api.get("/api/v1/cases/" + number, api.login(user)).json().get("allowedActions").valueStream()
                .map(JsonNode::asString).toList();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private void toFollowUp(String number, String departmentCode) {
        ok(act("operator", number, "register", Map.of()), "REGISTERED");
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId(departmentCode))), "ASSIGNED");
        toFollowUpFromAssigned(number, departmentCode.toLowerCase());
    }

    private void toFollowUpFromAssigned(String number, String handler) {
        ok(act(handler, number, "sign", Map.of()), "IN_PROGRESS");
        ok(act(handler, number, "reply", Map.of("text", "已处理完毕")), "REPLIED");
        ok(act("officer", number, "approve", Map.of()), "AWAITING_FOLLOW_UP");
    }

    private JsonNode view(String number) {
        return api.get("/api/v1/cases/" + number, api.login("operator")).json();
    }

    private JsonNode timeline(String number) {
        return api.get("/api/v1/cases/" + number + "/timeline", api.login("operator")).json();
    }

    private JsonNode track(Api.Answer submitted) {
        return api.get("/api/v1/public/cases/" + submitted.text("number"), null, token(submitted)).json();
    }

    private static Map<String, String> token(Api.Answer submitted) {
        return Map.of("X-Tracking-Token", submitted.text("trackingToken"));
    }
}
