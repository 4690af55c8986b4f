package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

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
}
