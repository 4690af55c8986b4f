package cn.civicloop.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.cases.StepRemark.Kind;

/**
 * The Chinese sentences the timeline held for the steps of {@link StepRemark} before it stored their values, read
 * back as the same parts, so that an older row is named like a newer one.
 */
final class EarlierRemarks {

    private record Form(Kind kind, Pattern pattern, Function<Matcher, StepRemark> parts) {
    }

    private static final List<Form> FORMS = List.of(
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
            new Form(Kind.FOLLOW_UP_ANSWERED, Pattern.compile("(已解决|未解决)，(满意|基本满意|不满意)(?:：(.*))?",
                    Pattern.DOTALL), m -> StepRemark.of(Kind.FOLLOW_UP_ANSWERED, m.group(3),
                            "已解决".equals(m.group(1)), satisfaction(m.group(2)))));

    private EarlierRemarks() {
    }

    static Optional<StepRemark> parse(String reason) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(reason);
            if (m.matches()) {
                return Optional.of(form.parts().apply(m));
            }
        }
        return Optional.empty();
    }

    private static ClockStage stage(String label) {
        return Arrays.stream(ClockStage.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    private static EscalationStep step(String label) {
        return Arrays.stream(EscalationStep.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    private static Satisfaction satisfaction(String label) {
        return Arrays.stream(Satisfaction.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }
}
