package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.StepRemark;

/** The packed form of a case's steps (ADR 0065): every column back as it was, and what the dictionary gains. */
class PackedStepsTests {

    private static final Instant AT = Instant.parse("2025-03-02T02:00:00.123456Z");

    @Test
    void everyColumnOfEveryStepComesBackNullsTimesAndTextIncluded() {
        List<Timeline.Row> rows = List.of(
                new Timeline.Row(9_000_000_001L, AT, null, "张三", "RESIDENT", CaseAction.SUBMIT, null,
                        CaseStatus.SUBMITTED, "SUBMITTED[WEBSITE|NORMAL|PLACED|光明路|0.92|]", null, true, null),
                new Timeline.Row(9_000_000_007L, AT.plusSeconds(3600), 12L, "王芳", "OPERATOR", CaseAction.REGISTER,
                        CaseStatus.SUBMITTED, CaseStatus.REGISTERED, null, null, false, 4L),
                // an earlier time than the step before (clocks of two instances) and a department of its own
                new Timeline.Row(9_000_000_008L, AT.minusSeconds(2).plusNanos(999), -3L, "李娜", "TRIAGE_OFFICER",
                        CaseAction.ASSIGN, CaseStatus.REGISTERED, CaseStatus.ASSIGNED, "属地路灯 \"维修\"；\n第二行",
                        903L, true, 903L),
                new Timeline.Row(9_000_100_000L, AT.plus(Duration.ofDays(400)), 0L, "", "SYSTEM", CaseAction.CLOSE,
                        CaseStatus.AWAITING_FOLLOW_UP, CaseStatus.CLOSED, "", 0L, true, 0L));

        assertThat(PackedSteps.unpack(PackedSteps.pack(rows))).isEqualTo(rows);
        assertThat(PackedSteps.unpack(PackedSteps.pack(rows, false))).as("the form without dictionary")
                .isEqualTo(rows);
        assertThat(PackedSteps.unpack(PackedSteps.pack(List.of()))).isEmpty();
    }

    @Test
    void theDictionaryShortensATypicalHistoryAndHoldsTodaysNames() {
        List<Timeline.Row> history = typical();

        int raw = PackedSteps.serialized(history).length;
        int plain = PackedSteps.pack(history, false).length;
        int packed = PackedSteps.pack(history).length;

        assertThat(packed).as("raw %d, deflated %d, with the dictionary %d", raw, plain, packed)
                .isLessThan(plain * 3 / 4);
        String dictionary = new String(PackedSteps.DICTIONARY_1, StandardCharsets.US_ASCII);
        List<String> names = Stream.of(Arrays.stream(CaseAction.values()).map(Enum::name),
                Arrays.stream(CaseStatus.values()).map(Enum::name),
                Arrays.stream(StepRemark.Kind.values()).map(k -> k.name() + "["),
                Stream.of("RESIDENT", "OPERATOR", "TRIAGE_OFFICER", "HANDLER", "DEPT_HEAD", "LEADER", "MEDIA_OFFICER",
                        "OPINION_OFFICER", "SYSTEM")).flatMap(s -> s).toList();
        assertThat(names).allSatisfy(name -> assertThat(dictionary).contains(name));
    }

    @Test
    void anUnknownFormIsRefusedNotMisread() {
        byte[] stored = PackedSteps.pack(typical());
        stored[0] = 7;
        assertThatThrownBy(() -> PackedSteps.unpack(stored)).hasMessageContaining("version 7");
        assertThatThrownBy(() -> PackedSteps.unpack(Arrays.copyOf(PackedSteps.pack(typical()), 12)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The seven steps of a case closed at its first follow-up, as the application writes them. */
    static List<Timeline.Row> typical() {
        Object[][] steps = {{CaseAction.SUBMIT, null, CaseStatus.SUBMITTED, "RESIDENT",
            "SUBMITTED[WEBSITE|NORMAL|PLACED|光明路123号院|0.87|]"},
            {CaseAction.REGISTER, CaseStatus.SUBMITTED, CaseStatus.REGISTERED, "OPERATOR", null},
            {CaseAction.ASSIGN, CaseStatus.REGISTERED, CaseStatus.ASSIGNED, "TRIAGE_OFFICER", "AUTO_ROUTED[城市管理|0.91]"},
            {CaseAction.SIGN, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, "HANDLER", null},
            {CaseAction.REPLY, CaseStatus.IN_PROGRESS, CaseStatus.REPLIED, "HANDLER", "已到现场核实并处理完毕，已电话告知诉求人。"},
            {CaseAction.APPROVE, CaseStatus.REPLIED, CaseStatus.AWAITING_FOLLOW_UP, "OPERATOR", null},
            {CaseAction.FOLLOW_UP, CaseStatus.AWAITING_FOLLOW_UP, CaseStatus.CLOSED, "OPERATOR",
                "FOLLOW_UP_ANSWERED[true|SATISFIED|]"}};
        List<Timeline.Row> rows = new ArrayList<>();
        for (int k = 0; k < steps.length; k++) {
            Object[] s = steps[k];
            rows.add(new Timeline.Row(700_000L + 13 * k, AT.plus(Duration.ofHours(3L * k)), k == 0 ? null : 20L + k,
                    k == 0 ? "张先生" : "王芳", (String) s[3], (CaseAction) s[0], (CaseStatus) s[1], (CaseStatus) s[2],
                    (String) s[4], k < 2 ? null : 903L, true, k == 0 ? null : 903L));
        }
        return rows;
    }
}
