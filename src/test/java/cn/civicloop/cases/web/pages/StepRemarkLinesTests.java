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
                StepRemark.of(Kind.RETENTION_MASKED, null), StepRemark.of(Kind.CONTACT_ERASED, null),
                StepRemark.of(Kind.FIXED_ON_SPOT, "done", 2, "Li"), StepRemark.of(Kind.AUTO_REGISTERED, null),
                StepRemark.of(Kind.AUTO_ROUTED, null, "Roads", 91),
                StepRemark.of(Kind.HAZARD_ROUTED, null, "Gas", "gas smell", true, true),
                StepRemark.of(Kind.LINKAGE_REGISTERED, null), StepRemark.of(Kind.LINKAGE_DIVERTED, null, "Desk"),
                StepRemark.of(Kind.FOOTAGE_REQUESTED, "why", 7, "Wang", Instant.EPOCH, "C-1", Instant.EPOCH,
                        Instant.EPOCH),
                StepRemark.of(Kind.FOOTAGE_ANSWERED, null, 7, "Luo", true, null, null, null),
                StepRemark.of(Kind.OPINION_RESPONSE, "task", "T1", "Shao", StepRemark.LEAD),
                StepRemark.of(Kind.ROAD_HANDED_OVER, "note", 2, "Yuan", 12));
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

    @Test
    void theStepsOtherModulesWriteOnACaseAreWordedInEitherLanguage() {
        StepRemark fixed = StepRemark.of(Kind.FIXED_ON_SPOT, "已现场修剪", 3, "张三");
        assertThat(lines.label(fixed, ZH)).isEqualTo("路长即知即改（三级路长张三现场处置）");
        assertThat(lines.label(fixed, Locale.ENGLISH)).isEqualTo("Fixed on the spot by level-3 road chief 张三");
        StepRemark handed = StepRemark.of(Kind.ROAD_HANDED_OVER, "需住建部门更换", 2, "袁轩", 41);
        assertThat(lines.label(handed, ZH)).isEqualTo("路长移交（二级路长袁轩，路长问题编号 41）");
        assertThat(lines.label(handed, Locale.ENGLISH)).isEqualTo("Handed over by level-2 road chief 袁轩 (road issue no. 41)");
        assertThat(lines.label(StepRemark.of(Kind.AUTO_REGISTERED, null), Locale.ENGLISH))
                .isEqualTo("Registered automatically by smart routing");
        StepRemark routed = StepRemark.of(Kind.AUTO_ROUTED, "按目录", "城乡建设", 87);
        assertThat(lines.label(routed, ZH)).isEqualTo("智能分发：城乡建设（置信度 87%）");
        assertThat(lines.label(routed, Locale.ENGLISH)).isEqualTo("Smart routing: 城乡建设 (confidence 87%)");
        StepRemark hazard = StepRemark.of(Kind.HAZARD_ROUTED, null, "燃气泄漏", "煤气味", true, false);
        assertThat(lines.label(hazard, ZH)).isEqualTo("险情·联动规则「燃气泄漏」命中“煤气味”，须立即转110");
        assertThat(lines.label(hazard, Locale.ENGLISH))
                .isEqualTo("Hazard and linkage rule “燃气泄漏” matched “煤气味”, to be passed to 110 at once");
        StepRemark diverted = StepRemark.of(Kind.HAZARD_ROUTED, null, "轻微事故", "剐蹭", false, true);
        assertThat(lines.label(diverted, ZH)).isEqualTo("110联动分流：险情·联动规则「轻微事故」命中“剐蹭”");
        assertThat(lines.label(StepRemark.of(Kind.LINKAGE_DIVERTED, "保险快处", "赵强"), Locale.ENGLISH))
                .isEqualTo("Diverted by the 110 desk (赵强)");
        StepRemark asked = StepRemark.of(Kind.FOOTAGE_REQUESTED, "核实", 12, "刘伟",
                Instant.parse("2026-12-08T01:00:00Z"), "C-1, C-2", Instant.parse("2026-12-07T10:00:00Z"),
                Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(lines.label(asked, ZH)).as("times in the district's zone").isEqualTo(
                "调取视频申请（第 12 号，刘伟发起，视频中心应于 2026-12-08 09:00 前答复）：点位 C-1, C-2；2026-12-07 18:00 至 2026-12-07 20:00");
        assertThat(lines.label(asked, Locale.ENGLISH)).isEqualTo("Footage request no. 12 by 刘伟, to be answered by the "
                + "video centre by 2026-12-08 09:00: cameras C-1, C-2; 2026-12-07 18:00 to 2026-12-07 20:00");
        StepRemark found = StepRemark.of(Kind.FOOTAGE_ANSWERED, "已刻录", 12, "罗斌", false, "ARCH-1",
                Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T11:00:00Z"));
        assertThat(lines.label(found, ZH)).isEqualTo(
                "视频中心答复调取申请（第 12 号，罗斌）：视频已调取：ARCH-1（2026-12-07 18:00 至 2026-12-07 19:00）");
        assertThat(lines.label(found, Locale.ENGLISH)).isEqualTo("The video centre answered footage request no. 12 "
                + "(罗斌): footage retrieved: ARCH-1 (2026-12-07 18:00 to 2026-12-07 19:00)");
        StepRemark none = StepRemark.of(Kind.FOOTAGE_ANSWERED, "离线", 12, "罗斌", true, null, null, null);
        assertThat(lines.label(none, ZH)).isEqualTo("视频中心答复调取申请（第 12 号，罗斌，已逾期）：无可用视频");
        assertThat(lines.label(none, Locale.ENGLISH))
                .isEqualTo("The video centre answered footage request no. 12 (罗斌, after its time): no footage available");
    }

    @Test
    void theOlderChineseSentencesOfOtherModulesAreReadAsTheirSteps() {
        StepRemark fixed = StepRemark.parse(CaseAction.ANSWER, "SYSTEM", "路长即知即改（二级路长李四现场处置）：清理完毕")
                .orElseThrow();
        assertThat(lines.label(fixed, Locale.ENGLISH)).isEqualTo("Fixed on the spot by level-2 road chief 李四");
        assertThat(fixed.text()).isEqualTo("清理完毕");
        assertThat(lines.label(StepRemark.parse(CaseAction.REGISTER, "SYSTEM", "智能分发自动受理").orElseThrow(),
                Locale.ENGLISH)).isEqualTo("Registered automatically by smart routing");
        StepRemark routed = StepRemark.parse(CaseAction.ASSIGN, "SYSTEM", "智能分发：市容环境（置信度 93%），按目录派执法局")
                .orElseThrow();
        assertThat(lines.label(routed, Locale.ENGLISH)).isEqualTo("Smart routing: 市容环境 (confidence 93%)");
        assertThat(routed.text()).isEqualTo("按目录派执法局");
        StepRemark hazard = StepRemark.parse(CaseAction.ASSIGN, "SYSTEM",
                "110联动分流：险情·联动规则「轻微交通事故」命中“剐蹭”").orElseThrow();
        assertThat(lines.label(hazard, Locale.ENGLISH))
                .isEqualTo("Diverted as a 110 linkage call: Hazard and linkage rule “轻微交通事故” matched “剐蹭”");
        assertThat(lines.label(StepRemark.parse(CaseAction.REGISTER, "SYSTEM", "110联动分流受理").orElseThrow(),
                Locale.ENGLISH)).isEqualTo("Registered as a call the 110 desk diverted");
        StepRemark diverted = StepRemark.parse(CaseAction.ASSIGN, "SYSTEM", "110联动分流（赵强）：保险快处").orElseThrow();
        assertThat(lines.label(diverted, Locale.ENGLISH)).isEqualTo("Diverted by the 110 desk (赵强)");
        assertThat(diverted.text()).isEqualTo("保险快处");
        StepRemark asked = StepRemark.parse(CaseAction.NOTE, "SYSTEM", "调取视频申请（第 5 号，刘伟发起，视频中心应于 "
                + "2026-12-08 09:00 前答复）：点位 C-1、C-2；2026-12-07 18:00 至 2026-12-07 20:00；核实倾倒").orElseThrow();
        assertThat(lines.label(asked, Locale.ENGLISH)).isEqualTo("Footage request no. 5 by 刘伟, to be answered by the "
                + "video centre by 2026-12-08 09:00: cameras C-1、C-2; 2026-12-07 18:00 to 2026-12-07 20:00");
        assertThat(asked.text()).isEqualTo("核实倾倒");
        StepRemark answered = StepRemark.parse(CaseAction.NOTE, "SYSTEM", "视频中心答复调取申请（第 5 号，罗斌，已逾期）："
                + "视频已调取：ARCH-9（2026-12-07 18:00 至 2026-12-07 19:00）；已刻录").orElseThrow();
        assertThat(lines.label(answered, ZH)).isEqualTo(
                "视频中心答复调取申请（第 5 号，罗斌，已逾期）：视频已调取：ARCH-9（2026-12-07 18:00 至 2026-12-07 19:00）");
        assertThat(answered.text()).isEqualTo("已刻录");
        StepRemark none = StepRemark.parse(CaseAction.NOTE, "SYSTEM", "视频中心答复调取申请（第 6 号，罗斌）：无可用视频：离线")
                .orElseThrow();
        assertThat(lines.label(none, Locale.ENGLISH))
                .isEqualTo("The video centre answered footage request no. 6 (罗斌): no footage available");
        assertThat(none.text()).isEqualTo("离线");
        StepRemark opened = StepRemark.parse(CaseAction.REGISTER, "OPINION_OFFICER", "网络舆情联动处置（话题 T42），由邵晴发起")
                .orElseThrow();
        assertThat(lines.label(opened, Locale.ENGLISH)).isEqualTo("Online-opinion linked response (topic T42) opened by 邵晴");
        StepRemark lead = StepRemark.parse(CaseAction.ASSIGN, "OPINION_OFFICER",
                "网络舆情联动处置（话题 T42），由邵晴发起；牵头任务：核查并答复").orElseThrow();
        assertThat(lines.label(lead, ZH)).isEqualTo("网络舆情联动处置（话题 T42），由邵晴发起；牵头任务");
        assertThat(lines.label(lead, Locale.ENGLISH))
                .isEqualTo("Online-opinion linked response (topic T42) opened by 邵晴; lead task");
        assertThat(lead.text()).isEqualTo("核查并答复");
    }

    @Test
    void aStepOfTheSystemIsNeverReadFromAPersonsText() {
        assertThat(StepRemark.parse(CaseAction.ANSWER, "HANDLER", "路长即知即改（二级路长李四现场处置）：清理完毕")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.ANSWER, "HANDLER", "FIXED_ON_SPOT[2|李四]: 清理完毕")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.NOTE, "OPERATOR", "调取视频申请（第 5 号，刘伟发起，视频中心应于 "
                + "2026-12-08 09:00 前答复）：点位 C-1；2026-12-07 18:00 至 2026-12-07 20:00；核实")).isEmpty();
        assertThat(StepRemark.parse(CaseAction.ASSIGN, "TRIAGE_OFFICER", "AUTO_ROUTED[城乡建设|90]")).isEmpty();
    }
}
