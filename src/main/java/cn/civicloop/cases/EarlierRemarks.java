package cn.civicloop.cases;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.cases.StepRemark.Kind;
import cn.civicloop.shared.DistrictTime;

/**
 * The Chinese sentences the timeline held for the steps of {@link StepRemark} before it stored their values, read
 * back as the same parts, so that an older row is named like a newer one. The sentences of the personal-data masking
 * held an English gloss in brackets, and a merged duplicate's reporter's follow-up answer held a Chinese prefix in
 * its note even once stored as values; both are read as the parts too.
 */
final class EarlierRemarks {

    private record Form(Kind kind, Pattern pattern, Function<Matcher, StepRemark> parts) {
    }

    private static final DateTimeFormatter DISTRICT_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** A time as the earlier sentences wrote it, in the district's zone to the minute. */
    private static final String MINUTE = "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d)";
    /** The note of a merged duplicate's reporter's answer: his comment after the prefix, or the prefix alone. */
    private static final Pattern MERGED_REPORTER = Pattern.compile("（并入件 ([^）\\s]+)）(.*)|并入件 (\\S+) 的诉求人",
            Pattern.DOTALL);

    private static final List<Form> FORMS = List.of(
            new Form(Kind.SUBMITTED, Pattern.compile("来源：([^；，]+)(?:；诉求人自报「([^」]+)」，待研判确认)?"
                    + "(?:；按地址定位：(.+)（置信度 ([0-9.]+)）|(；按地址未找到位置))?(，位置待确认)?", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.SUBMITTED, null, channel(m.group(1)), urgency(m.group(2)),
                            m.group(3) != null ? StepRemark.PLACED : m.group(5) != null ? StepRemark.NOT_PLACED : null,
                            m.group(3), m.group(4), m.group(6) == null ? null : StepRemark.TO_CONFIRM)),
            new Form(Kind.ESCALATED, Pattern.compile("(签收|首次联系|办结|审核|回访)时限已用 (\\d{1,3})%：(提醒|督办|通报)"),
                    m -> StepRemark.of(Kind.ESCALATED, null, stage(m.group(1)), m.group(2), step(m.group(3)))),
            new Form(Kind.PLACE_FIXED, Pattern.compile(
                    "位置 (无|-?[0-9.]+,-?[0-9.]+) → (-?[0-9.]+,-?[0-9.]+)(?:（(.*)）)?；理由：(.*)", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.PLACE_FIXED, m.group(4), "无".equals(m.group(1)) ? null : m.group(1),
                            m.group(2), m.group(3))),
            new Form(Kind.DUPLICATE_MERGED, Pattern.compile("合并重复件 (\\S+)，诉求人已并入"),
                    m -> StepRemark.of(Kind.DUPLICATE_MERGED, null, m.group(1))),
            new Form(Kind.MERGED_INTO, Pattern.compile("并入 ([^：\\s]+)(?:：(.*))?", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.MERGED_INTO, m.group(2), m.group(1))),
            new Form(Kind.EXTENSION_REQUESTED, Pattern.compile("申请延期 (\\d{1,3}) 个工作日：(.*)", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.EXTENSION_REQUESTED, m.group(2), m.group(1))),
            new Form(Kind.EXTENSION_APPROVED, Pattern.compile(
                    "办理期限延长 (\\d{1,3}) 个工作日，至 (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d)(?:；(.*))?", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.EXTENSION_APPROVED, m.group(3), m.group(1),
                            LocalDateTime.parse(m.group(2), DISTRICT_MINUTE).atZone(DistrictTime.ZONE).toInstant())),
            new Form(Kind.AUTO_CLOSED, Pattern.compile("群众回访评价(满意|基本满意|不满意)，自动办结"),
                    m -> StepRemark.of(Kind.AUTO_CLOSED, null, satisfaction(m.group(1)))),
            new Form(Kind.RETENTION_MASKED, Pattern.compile("个人信息保存期满，姓名、电话、地址已隐去(?: \\(.*\\))?"),
                    m -> StepRemark.of(Kind.RETENTION_MASKED, null)),
            new Form(Kind.CONTACT_ERASED, Pattern.compile("群众要求删除联系方式，姓名、电话、地址已隐去(?: \\(.*\\))?"),
                    m -> StepRemark.of(Kind.CONTACT_ERASED, null)),
            new Form(Kind.FOLLOW_UP_ANSWERED, Pattern.compile("(已解决|未解决)，(满意|基本满意|不满意)(?:：(.*))?",
                    Pattern.DOTALL), m -> StepRemark.of(Kind.FOLLOW_UP_ANSWERED, m.group(3),
                            "已解决".equals(m.group(1)), satisfaction(m.group(2)))),
            new Form(Kind.FIXED_ON_SPOT, Pattern.compile("路长即知即改（(一级|二级|三级)路长(.*?)现场处置）：(.*)", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.FIXED_ON_SPOT, m.group(3), chiefLevel(m.group(1)), m.group(2))),
            new Form(Kind.AUTO_REGISTERED, Pattern.compile("智能分发自动受理"),
                    m -> StepRemark.of(Kind.AUTO_REGISTERED, null)),
            new Form(Kind.AUTO_ROUTED, Pattern.compile("智能分发：(.+?)（置信度 (\\d{1,3})%）(?:，(.*))?", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.AUTO_ROUTED, m.group(3), m.group(1), m.group(2))),
            new Form(Kind.HAZARD_ROUTED, Pattern.compile("(110联动分流：)?险情·联动规则「(.*?)」命中“(.*?)”(，须立即转110)?",
                    Pattern.DOTALL), m -> StepRemark.of(Kind.HAZARD_ROUTED, null, m.group(2), m.group(3),
                            m.group(4) != null, m.group(1) != null)),
            new Form(Kind.LINKAGE_REGISTERED, Pattern.compile("110联动分流受理"),
                    m -> StepRemark.of(Kind.LINKAGE_REGISTERED, null)),
            new Form(Kind.LINKAGE_DIVERTED, Pattern.compile("110联动分流（(.*?)）(?:：(.*))?", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.LINKAGE_DIVERTED, m.group(2), m.group(1))),
            new Form(Kind.FOOTAGE_REQUESTED, Pattern.compile("调取视频申请（第 (\\d{1,18}) 号，(.*?)发起，视频中心应于 "
                    + MINUTE + " 前答复）：点位 (.*?)；" + MINUTE + " 至 " + MINUTE + "；(.*)", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.FOOTAGE_REQUESTED, m.group(7), m.group(1), m.group(2),
                            instant(m.group(3)), m.group(4), instant(m.group(5)), instant(m.group(6)))),
            new Form(Kind.FOOTAGE_ANSWERED, Pattern.compile("视频中心答复调取申请（第 (\\d{1,18}) 号，(.*?)(，已逾期)?）："
                    + "(?:视频已调取：(.*)（" + MINUTE + " 至 " + MINUTE + "）(?:；(.*))?|无可用视频：(.*))", Pattern.DOTALL),
                    m -> StepRemark.of(Kind.FOOTAGE_ANSWERED, m.group(8) != null ? m.group(8) : m.group(7),
                            m.group(1), m.group(2), m.group(3) != null, m.group(4), instant(m.group(5)),
                            instant(m.group(6)))),
            new Form(Kind.OPINION_RESPONSE, Pattern.compile("网络舆情联动处置（话题 ([^）\\s]+)），由(.*?)发起(?:；牵头任务：(.*))?",
                    Pattern.DOTALL), m -> StepRemark.of(Kind.OPINION_RESPONSE, m.group(3), m.group(1), m.group(2),
                            m.group(3) == null ? null : StepRemark.LEAD)));

    private EarlierRemarks() {
    }

    static Optional<StepRemark> parse(String reason) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(reason);
            if (m.matches()) {
                return Optional.of(settled(form.parts().apply(m)));
            }
        }
        return Optional.empty();
    }

    /**
     * A follow-up answer whose note still holds the merged duplicate's number in Chinese ("（并入件 …）comment",
     * "并入件 … 的诉求人") as the answer with that number for a value and the comment alone; any other remark as it is.
     */
    static StepRemark settled(StepRemark r) {
        if (r.kind() != Kind.FOLLOW_UP_ANSWERED || r.value(2) != null || r.text() == null) {
            return r;
        }
        Matcher m = MERGED_REPORTER.matcher(r.text());
        if (!m.matches()) {
            return r;
        }
        List<String> values = new ArrayList<>(r.values().subList(0, Math.min(2, r.values().size())));
        values.add(m.group(1) != null ? m.group(1) : m.group(3));
        String comment = m.group(1) != null && !m.group(2).isEmpty() ? m.group(2) : null;
        return new StepRemark(Kind.FOLLOW_UP_ANSWERED, values, comment);
    }

    private static ClockStage stage(String label) {
        return Arrays.stream(ClockStage.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    private static EscalationStep step(String label) {
        return Arrays.stream(EscalationStep.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    /** A channel named by its Chinese label; a label no channel has is kept as it is (and shown so). */
    private static String channel(String label) {
        return Arrays.stream(Channel.values()).filter(c -> c.label().equals(label)).map(Enum::name).findFirst()
                .orElse(label);
    }

    private static Urgency urgency(String label) {
        return label == null ? null
                : Arrays.stream(Urgency.values()).filter(u -> u.label().equals(label)).findFirst().orElse(null);
    }

    private static java.time.Instant instant(String districtMinute) {
        return districtMinute == null ? null
                : LocalDateTime.parse(districtMinute, DISTRICT_MINUTE).atZone(DistrictTime.ZONE).toInstant();
    }

    private static int chiefLevel(String label) {
        return switch (label) {
            case "一级" -> 1;
            case "二级" -> 2;
            default -> 3;
        };
    }

    private static Satisfaction satisfaction(String label) {
        return Arrays.stream(Satisfaction.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }
}
