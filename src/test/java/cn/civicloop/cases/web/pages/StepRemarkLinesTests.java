package cn.civicloop.cases.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.StepRemark.Kind;

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
}
