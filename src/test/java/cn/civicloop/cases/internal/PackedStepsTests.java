package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.internal.sla.ClockState;

/**
 * The packed form of a case's steps (ADR 0065) and clocks (ADR 0067): every column back as it was, the form packed
 * before the clocks still read, and what the dictionary gains.
 */
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

        assertThat(PackedSteps.unpack(PackedSteps.pack(rows, List.of()))).isEqualTo(rows);
        assertThat(PackedSteps.unpack(PackedSteps.pack(rows, List.of(), false))).as("the form without dictionary")
                .isEqualTo(rows);
        assertThat(PackedSteps.unpack(PackedSteps.pack(List.of(), List.of()))).isEmpty();
    }

    @Test
    void theClocksComeBackWithTheStepsPausedStoppedAndRunningAlike() {
        List<Timeline.Row> rows = typical();
        List<ClockState> clocks = clocks(41L);

        byte[] stored = PackedSteps.pack(rows, clocks);
        PackedSteps.Content content = PackedSteps.read(stored, 41L);

        assertThat(stored[0]).isEqualTo(PackedSteps.VERSION);
        assertThat(content.steps()).isEqualTo(rows);
        assertThat(content.clocks()).as("every part of every clock").isEqualTo(clocks);
        assertThat(PackedSteps.read(PackedSteps.pack(rows, clocks, false), 41L).clocks()).isEqualTo(clocks);
        assertThat(stored.length - PackedSteps.pack(rows, List.of()).length).as("what five clocks add")
                .isLessThan(80);
    }

    @Test
    void aValueOfVersionOnePackedBeforeReadsWithoutClocks() {
        List<Timeline.Row> rows = typical();

        PackedSteps.Content content = PackedSteps.read(stepsOnly(rows), 41L);

        assertThat(content.steps()).isEqualTo(rows);
        assertThat(content.clocks()).isEmpty();
    }

    @Test
    void theDictionaryShortensATypicalHistoryAndHoldsTodaysNames() {
        List<Timeline.Row> history = typical();

        int raw = PackedSteps.serialized(history, List.of()).length;
        int plain = PackedSteps.pack(history, List.of(), false).length;
        int packed = PackedSteps.pack(history, List.of()).length;

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
        byte[] stored = PackedSteps.pack(typical(), List.of());
        stored[0] = 7;
        assertThatThrownBy(() -> PackedSteps.unpack(stored)).hasMessageContaining("version 7");
        assertThatThrownBy(() -> PackedSteps.unpack(Arrays.copyOf(PackedSteps.pack(typical(), List.of()), 12)))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * The value of version 1 that the archive wrote before clocks were packed: the steps' bytes of today's form
     * without the clocks' count at the end, deflated with dictionary 1.
     */
    static byte[] stepsOnly(List<Timeline.Row> rows) {
        byte[] raw = PackedSteps.serialized(rows, List.of());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(PackedSteps.DICTIONARY_1);
            deflater.setInput(raw, 0, raw.length - 1);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(PackedSteps.STEPS_ONLY);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The five clocks of the {@link #typical} case, as the clock keeper leaves them: started, paused and stopped at
     * the time of a step, the deadlines computed (micro-second times), a contact clock paused and one restarted.
     */
    static List<ClockState> clocks(long caseId) {
        List<Instant> step = typical().stream().map(Timeline.Row::at).toList();
        return List.of(
                new ClockState(caseId, ClockStage.SIGN, 1, 2, LimitUnit.WORKING_HOURS, step.get(2),
                        step.get(2).plusSeconds(7200), 7200, null, 0, step.get(3)),
                new ClockState(caseId, ClockStage.CONTACT, 1, 2, LimitUnit.HOURS, step.get(3),
                        step.get(3).plusSeconds(86_400), 86_400, step.get(3).plusSeconds(1800).plusNanos(1000), 60,
                        null),
                new ClockState(caseId, ClockStage.HANDLE, 2, 3, LimitUnit.WORKING_DAYS, step.get(0),
                        step.get(0).plus(Duration.ofDays(10)).minusNanos(123_456_000), 432_000, null, 3_600,
                        step.get(4)),
                new ClockState(caseId, ClockStage.REVIEW, 1, 2, LimitUnit.WORKING_HOURS, step.get(4),
                        step.get(4).plus(Duration.ofDays(1)), 28_800, null, 0, step.get(5)),
                new ClockState(caseId, ClockStage.FOLLOW_UP, 1, 2, LimitUnit.WORKING_DAYS, step.get(5),
                        step.get(5).plus(Duration.ofDays(5)), 172_800, null, 0, step.get(6)));
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
