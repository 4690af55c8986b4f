package cn.civicloop.cases.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.StepRemark.Kind;
import cn.civicloop.cases.Urgency;

/** The page words a stored step from the cases' bundles, in Chinese and in English, older rows the same way. */
class StepRemarkLinesTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final StepRemarkLines lines = new StepRemarkLines(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages-cases");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void eachStepIsWordedInTheReadersLanguage() {
        StepRemark escalated = StepRemark.of(Kind.ESCALATED, null, ClockStage.HANDLE, 75, EscalationStep.REMIND);
        assertThat(lines.label(escalated, ZH)).isEqualTo("办结时限已用 75%：提醒");
        assertThat(lines.label(escalated, Locale.ENGLISH)).isEqualTo("75% of the handling time limit used: Reminder");
        StepRemark placed = StepRemark.of(Kind.PLACE_FIXED, "钉错", null, "34.860000,117.560000", "广济路12号");
        assertThat(lines.label(placed, ZH)).isEqualTo("位置 无 → 34.860000,117.560000（广济路12号）");
        assertThat(lines.label(placed, Locale.ENGLISH)).isEqualTo("Place none → 34.860000,117.560000 (广济路12号)");
        StepRemark moved = StepRemark.of(Kind.PLACE_FIXED, "钉错", "34.850000,117.550000", "34.860000,117.560000",
                null);
        assertThat(lines.label(moved, ZH)).isEqualTo("位置 34.850000,117.550000 → 34.860000,117.560000");
        assertThat(lines.label(StepRemark.of(Kind.DUPLICATE_MERGED, null, "SZ-1"), ZH))
                .isEqualTo("合并重复件 SZ-1，诉求人已并入");
        assertThat(lines.label(StepRemark.of(Kind.MERGED_INTO, null, "SZ-2"), Locale.ENGLISH)).isEqualTo(
                "Merged into SZ-2");
        assertThat(lines.label(StepRemark.of(Kind.EXTENSION_REQUESTED, "配件", 3), ZH)).isEqualTo("申请延期 3 个工作日");
        StepRemark answered = StepRemark.of(Kind.FOLLOW_UP_ANSWERED, null, false, Satisfaction.DISSATISFIED);
        assertThat(lines.label(answered, ZH)).isEqualTo("未解决，不满意");
        assertThat(lines.label(answered, Locale.ENGLISH)).isEqualTo("Not resolved, dissatisfied");
    }

    @Test
    void anOlderRowHoldingASentenceIsWordedLikeANewOne() {
        StepRemark older = StepRemark.parse(CaseAction.SUPERVISE, "审核时限已用 100%：督办").orElseThrow();
        assertThat(lines.label(older, ZH)).isEqualTo("审核时限已用 100%：督办");
        assertThat(lines.label(older, Locale.ENGLISH)).isEqualTo("100% of the review time limit used: Supervision");
        StepRemark place = StepRemark.parse(CaseAction.PLACE, "位置 无 → 34.860000,117.560000；理由：电话确认")
                .orElseThrow();
        assertThat(lines.label(place, ZH) + "：" + place.text()).isEqualTo("位置 无 → 34.860000,117.560000：电话确认");
    }

    @Test
    void aValueWithoutANameIsShownAsItIs() {
        StepRemark typed = StepRemark.parse(CaseAction.SUPERVISE, "ESCALATED[LUNCH|50|NAP]").orElseThrow();
        assertThat(lines.label(typed, ZH)).isEqualTo("LUNCH时限已用 50%：NAP");
    }

    @Test
    void theStepsOfIntakeExtensionClosingAndMaskingAreWordedInEitherLanguage() {
        StepRemark received = StepRemark.of(Kind.SUBMITTED, null, Channel.WECHAT, Urgency.URGENT, StepRemark.PLACED,
                "广济路12号", "0.92", StepRemark.TO_CONFIRM);
        assertThat(lines.label(received, ZH)).isEqualTo("来源：微信公众号；诉求人自报「紧急」，待研判确认；按地址定位：广济路12号（置信度 0.92），位置待确认");
        assertThat(lines.label(received, Locale.ENGLISH)).isEqualTo("Source: WeChat; marked Urgent by the reporter, "
                + "to be confirmed at triage; placed by its address at 广济路12号 (confidence 0.92), place to be confirmed");
        StepRemark plain = StepRemark.of(Kind.SUBMITTED, null, Channel.HOTLINE_12345, null, StepRemark.NOT_PLACED,
                null, null, null);
        assertThat(lines.label(plain, ZH)).isEqualTo("来源：12345政务热线；按地址未找到位置");
        assertThat(lines.label(plain, Locale.ENGLISH)).isEqualTo(
                "Source: 12345 hotline; its address was not found on the map");
        StepRemark approved = StepRemark.of(Kind.EXTENSION_APPROVED, null, 5, Instant.parse("2026-12-21T09:00:00Z"));
        assertThat(lines.label(approved, ZH)).as("the time in the district's zone")
                .isEqualTo("办理期限延长 5 个工作日，至 2026-12-21 17:00");
        assertThat(lines.label(approved, Locale.ENGLISH)).isEqualTo(
                "Handling time limit extended by 5 working days, to 2026-12-21 17:00");
        StepRemark merged = StepRemark.of(Kind.FOLLOW_UP_ANSWERED, null, true, Satisfaction.SATISFIED, "SZ-3");
        assertThat(lines.label(merged, ZH)).isEqualTo("已解决，满意（并入件 SZ-3 的诉求人）");
        assertThat(lines.label(merged, Locale.ENGLISH)).isEqualTo(
                "Resolved, satisfied (reporter of the merged case SZ-3)");
        StepRemark closed = StepRemark.of(Kind.AUTO_CLOSED, null, Satisfaction.BASICALLY_SATISFIED);
        assertThat(lines.label(closed, ZH)).isEqualTo("群众回访评价基本满意，自动办结");
        assertThat(lines.label(closed, Locale.ENGLISH)).isEqualTo(
                "Closed automatically after a follow-up rated basically satisfied");
        assertThat(lines.label(StepRemark.of(Kind.RETENTION_MASKED, null), ZH)).isEqualTo("个人信息保存期满，姓名、电话、地址已隐去");
        assertThat(lines.label(StepRemark.of(Kind.CONTACT_ERASED, null), Locale.ENGLISH)).isEqualTo(
                "Contact data erased at the request of the resident: name, phone and address masked");
    }

    @Test
    void everyStepIsWordedWithoutAChineseCharacterInEnglish() {
        java.util.List<StepRemark> samples = java.util.List.of(
                StepRemark.of(Kind.SUBMITTED, null, Channel.OPEN311, Urgency.NORMAL, StepRemark.PLACED, "x", "0.70",
                        StepRemark.TO_CONFIRM),
                StepRemark.of(Kind.ESCALATED, null, ClockStage.FOLLOW_UP, 100, EscalationStep.CIRCULATE),
                StepRemark.of(Kind.PLACE_FIXED, null, null, "1,2", null),
                StepRemark.of(Kind.DUPLICATE_MERGED, null, "SZ-1"), StepRemark.of(Kind.MERGED_INTO, null, "SZ-1"),
                StepRemark.of(Kind.EXTENSION_REQUESTED, null, 2),
                StepRemark.of(Kind.EXTENSION_APPROVED, null, 2, Instant.EPOCH),
                StepRemark.of(Kind.FOLLOW_UP_ANSWERED, null, false, Satisfaction.DISSATISFIED, "SZ-1"),
                StepRemark.of(Kind.AUTO_CLOSED, null, Satisfaction.SATISFIED),
                StepRemark.of(Kind.RETENTION_MASKED, null), StepRemark.of(Kind.CONTACT_ERASED, null));
        assertThat(samples.stream().map(StepRemark::kind).distinct()).as("one sample of each kind")
                .containsExactlyInAnyOrder(Kind.values());
        for (StepRemark r : samples) {
            assertThat(lines.label(r, Locale.ENGLISH)).as(r.kind().name()).doesNotContainPattern("\\p{IsHan}")
                    .doesNotContain(r.kind().name());
            assertThat(lines.label(r, ZH)).as(r.kind().name()).containsPattern("\\p{IsHan}");
        }
        for (Channel c : Channel.values()) {
            StepRemark r = StepRemark.of(Kind.SUBMITTED, null, c, null, null, null, null, null);
            assertThat(lines.label(r, Locale.ENGLISH)).as(c.name()).doesNotContainPattern("\\p{IsHan}")
                    .doesNotContain(c.name());
            assertThat(lines.label(r, ZH)).isEqualTo("来源：" + c.label());
        }
    }
}
