package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.StepRemark.Kind;

/**
 * A step the system writes on the timeline is stored as its values, and rows of the earlier Chinese sentences read as
 * the same parts; a person's note is never read as one.
 */
class StepRemarkTests {

    @Test
    void aStoredRemarkReadsBackAsItsParts() {
        StepRemark place = StepRemark.of(Kind.PLACE_FIXED, "市民电话更正：在路口东侧", null, "34.860000,117.560000",
                "广济路12号");
        String stored = place.stored(2000);
        assertThat(stored).isEqualTo("PLACE_FIXED[-|34.860000,117.560000|广济路12号]: 市民电话更正：在路口东侧");
        assertThat(StepRemark.parse(CaseAction.PLACE, stored)).contains(place);
        assertThat(place.value(0)).isNull();
        assertThat(place.value(2)).isEqualTo("广济路12号");
        String escalated = StepRemark.of(Kind.ESCALATED, null, ClockStage.HANDLE, 75, EscalationStep.REMIND)
                .stored(2000);
        assertThat(escalated).isEqualTo("ESCALATED[HANDLE|75|REMIND]");
        assertThat(StepRemark.parse(CaseAction.REMIND, escalated))
                .contains(new StepRemark(Kind.ESCALATED, List.of("HANDLE", "75", "REMIND"), null));
    }

    @Test
    void rowsWrittenAsAChineseSentenceReadAsTheSameParts() {
        assertThat(StepRemark.parse(CaseAction.SUPERVISE, "办结时限已用 100%：督办")).contains(
                StepRemark.of(Kind.ESCALATED, null, ClockStage.HANDLE, 100, EscalationStep.SUPERVISE));
        assertThat(StepRemark.parse(CaseAction.CIRCULATE, "首次联系时限已用 200%：通报")).contains(
                StepRemark.of(Kind.ESCALATED, null, ClockStage.CONTACT, 200, EscalationStep.CIRCULATE));
        assertThat(StepRemark.parse(CaseAction.PLACE,
                "位置 无 → 34.860000,117.560000（广济路12号）；理由：按市民描述更正")).contains(StepRemark.of(
                        Kind.PLACE_FIXED, "按市民描述更正", null, "34.860000,117.560000", "广济路12号"));
        assertThat(StepRemark.parse(CaseAction.PLACE, "位置 34.850000,117.550000 → 34.860000,117.560000；理由：钉错"))
                .contains(StepRemark.of(Kind.PLACE_FIXED, "钉错", "34.850000,117.550000", "34.860000,117.560000",
                        null));
        assertThat(StepRemark.parse(CaseAction.MERGE, "合并重复件 SZ-20261207-000001，诉求人已并入"))
                .contains(StepRemark.of(Kind.DUPLICATE_MERGED, null, "SZ-20261207-000001"));
        assertThat(StepRemark.parse(CaseAction.MERGE, "并入 SZ-20261207-000002：同一处井盖"))
                .contains(StepRemark.of(Kind.MERGED_INTO, "同一处井盖", "SZ-20261207-000002"));
        assertThat(StepRemark.parse(CaseAction.MERGE, "并入 SZ-20261207-000002"))
                .contains(StepRemark.of(Kind.MERGED_INTO, null, "SZ-20261207-000002"));
        assertThat(StepRemark.parse(CaseAction.REQUEST_EXTENSION, "申请延期 3 个工作日：需采购配件"))
                .contains(StepRemark.of(Kind.EXTENSION_REQUESTED, "需采购配件", 3));
        assertThat(StepRemark.parse(CaseAction.FOLLOW_UP, "未解决，基本满意：还有积水"))
                .contains(StepRemark.of(Kind.FOLLOW_UP_ANSWERED, "还有积水", false, Satisfaction.BASICALLY_SATISFIED));
    }

    @Test
    void onlyAnEntryOfTheKindsActionsIsReadAsAStep() {
        String stored = StepRemark.of(Kind.MERGED_INTO, null, "SZ-1").stored(2000);
        assertThat(StepRemark.parse(CaseAction.NOTE, stored)).as("a note typed to look like one").isEmpty();
        assertThat(StepRemark.parse(CaseAction.NOTE, "并入 SZ-1")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.DECLINE, "已解决，满意")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.MERGE, "UNKNOWN[x]")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.MERGE, null)).isEmpty();
    }

    @Test
    void aValueCannotBreakTheStoredFormAndALongTextIsCutToTheColumn() {
        StepRemark odd = StepRemark.of(Kind.PLACE_FIXED, "理由", null, "1,2", "甲|乙]丙");
        assertThat(StepRemark.parse(CaseAction.PLACE, odd.stored(2000)).orElseThrow().value(2)).isEqualTo("甲/乙)丙");
        String stored = StepRemark.of(Kind.EXTENSION_REQUESTED, "长".repeat(2100), 5).stored(2000);
        assertThat(stored).hasSize(2000).startsWith("EXTENSION_REQUESTED[5]: ").endsWith("…");
        assertThat(StepRemark.parse(CaseAction.REQUEST_EXTENSION, stored).orElseThrow().value(0)).isEqualTo("5");
    }

    @Test
    void theStepsTheSystemWritesBesidesAreStoredAsValuesToo() {
        String received = StepRemark.of(Kind.SUBMITTED, null, Channel.WECHAT, Urgency.URGENT, StepRemark.PLACED,
                "广济路12号", "0.92", StepRemark.TO_CONFIRM).stored(2000);
        assertThat(received).isEqualTo("SUBMITTED[WECHAT|URGENT|PLACED|广济路12号|0.92|CONFIRM]");
        assertThat(StepRemark.parse(CaseAction.SUBMIT, received).orElseThrow().value(3)).isEqualTo("广济路12号");
        Instant due = Instant.parse("2026-12-21T09:00:00Z");
        String approved = StepRemark.of(Kind.EXTENSION_APPROVED, "同意", 3, due).stored(2000);
        assertThat(approved).isEqualTo("EXTENSION_APPROVED[3|2026-12-21T09:00:00Z]: 同意");
        assertThat(StepRemark.parse(CaseAction.APPROVE_EXTENSION, approved)).contains(
                StepRemark.of(Kind.EXTENSION_APPROVED, "同意", 3, due));
        String merged = StepRemark.of(Kind.FOLLOW_UP_ANSWERED, "谢谢", true, Satisfaction.SATISFIED, "SZ-2").stored(2000);
        assertThat(StepRemark.parse(CaseAction.FOLLOW_UP, merged).orElseThrow().value(2)).isEqualTo("SZ-2");
        String closed = StepRemark.of(Kind.AUTO_CLOSED, null, Satisfaction.SATISFIED).stored(2000);
        assertThat(StepRemark.parse(CaseAction.CLOSE, "SYSTEM", closed)).contains(
                new StepRemark(Kind.AUTO_CLOSED, List.of("SATISFIED"), null));
        String masked = StepRemark.of(Kind.RETENTION_MASKED, null).stored(2000);
        assertThat(masked).isEqualTo("RETENTION_MASKED[]");
        assertThat(StepRemark.parse(CaseAction.NOTE, "SYSTEM", masked)).contains(
                new StepRemark(Kind.RETENTION_MASKED, List.of(), null));
        assertThat(StepRemark.parse(CaseAction.NOTE, "RESIDENT", "CONTACT_ERASED[]")).contains(
                new StepRemark(Kind.CONTACT_ERASED, List.of(), null));
    }

    @Test
    void aStepAPersonCouldAlsoTypeIsReadOnlyFromItsOwnWriter() {
        assertThat(StepRemark.parse(CaseAction.NOTE, "OPERATOR", "RETENTION_MASKED[]")).as("a note typed by staff")
                .isEmpty();
        assertThat(StepRemark.parse(CaseAction.NOTE, "RETENTION_MASKED[]")).as("writer unknown").isEmpty();
        assertThat(StepRemark.parse(CaseAction.NOTE, "SYSTEM", "CONTACT_ERASED[]")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.CLOSE, "OPERATOR", "AUTO_CLOSED[SATISFIED]")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.CLOSE, "OPERATOR", "群众回访评价满意，自动办结")).isEmpty();
    }

    @Test
    void theEarlierSentencesOfTheseStepsReadAsTheSameParts() {
        assertThat(StepRemark.parse(CaseAction.SUBMIT, "来源：微信公众号；诉求人自报「紧急」，待研判确认；按地址定位：广济路12号（置信度 0.92），位置待确认"))
                .contains(StepRemark.of(Kind.SUBMITTED, null, Channel.WECHAT, Urgency.URGENT, StepRemark.PLACED,
                        "广济路12号", "0.92", StepRemark.TO_CONFIRM));
        assertThat(StepRemark.parse(CaseAction.SUBMIT, "来源：12345政务热线")).contains(StepRemark.of(Kind.SUBMITTED,
                null, Channel.HOTLINE_12345, null, null, null, null, null));
        assertThat(StepRemark.parse(CaseAction.SUBMIT, "来源：政府网站；按地址未找到位置")).contains(StepRemark.of(
                Kind.SUBMITTED, null, Channel.WEBSITE, null, StepRemark.NOT_PLACED, null, null, null));
        assertThat(StepRemark.parse(CaseAction.APPROVE_EXTENSION, "办理期限延长 5 个工作日，至 2026-12-21 17:00；请抓紧"))
                .as("the time was written in the district's zone").contains(StepRemark.of(Kind.EXTENSION_APPROVED,
                        "请抓紧", 5, Instant.parse("2026-12-21T09:00:00Z")));
        assertThat(StepRemark.parse(CaseAction.CLOSE, "SYSTEM", "群众回访评价基本满意，自动办结")).contains(
                StepRemark.of(Kind.AUTO_CLOSED, null, Satisfaction.BASICALLY_SATISFIED));
        assertThat(StepRemark.parse(CaseAction.NOTE, "SYSTEM",
                "个人信息保存期满，姓名、电话、地址已隐去 (personal data masked after the retention period)"))
                .contains(StepRemark.of(Kind.RETENTION_MASKED, null));
        assertThat(StepRemark.parse(CaseAction.NOTE, "RESIDENT",
                "群众要求删除联系方式，姓名、电话、地址已隐去 (contact data erased at the resident's request)"))
                .contains(StepRemark.of(Kind.CONTACT_ERASED, null));
        StepRemark own = StepRemark.of(Kind.FOLLOW_UP_ANSWERED, "路面已修好", true, Satisfaction.SATISFIED, "SZ-3");
        assertThat(StepRemark.parse(CaseAction.FOLLOW_UP, "已解决，满意：（并入件 SZ-3）路面已修好")).contains(own);
        assertThat(StepRemark.parse(CaseAction.FOLLOW_UP, "FOLLOW_UP_ANSWERED[true|SATISFIED]: （并入件 SZ-3）路面已修好"))
                .as("stored as values with the number still in the note").contains(own);
        assertThat(StepRemark.parse(CaseAction.FOLLOW_UP, "FOLLOW_UP_ANSWERED[true|SATISFIED]: 并入件 SZ-3 的诉求人"))
                .contains(StepRemark.of(Kind.FOLLOW_UP_ANSWERED, null, true, Satisfaction.SATISFIED, "SZ-3"));
    }
}
