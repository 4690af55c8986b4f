package cn.civicloop.cases.internal.sla;

import java.util.Arrays;
import java.util.List;

import cn.civicloop.cases.ClockStage;

/**
 * What a case action does to one stage clock; the action catalogue lists each action's effects in order and
 * {@link ClockKeeper} carries them out.
 */
public record ClockEffect(Change change, ClockStage stage) {

    /** A change of a clock. */
    public enum Change {
        /** start the stage's clock with the stage's limit (a new round if it ran before) */
        START,
        /** start the handling clock again with the (shorter) rework limit */
        START_REWORK,
        /** stop the clock if it runs or is paused */
        STOP,
        /** pause a running clock (挂账): paused time does not count */
        PAUSE,
        /** resume a paused clock, its deadline moved by the paused time */
        RESUME,
        /** move the deadline of a running clock by the working days granted */
        EXTEND
    }

    public static ClockEffect start(ClockStage stage) {
        return new ClockEffect(Change.START, stage);
    }

    public static ClockEffect startRework() {
        return new ClockEffect(Change.START_REWORK, ClockStage.HANDLE);
    }

    public static ClockEffect stop(ClockStage stage) {
        return new ClockEffect(Change.STOP, stage);
    }

    public static ClockEffect pause(ClockStage stage) {
        return new ClockEffect(Change.PAUSE, stage);
    }

    public static ClockEffect resume(ClockStage stage) {
        return new ClockEffect(Change.RESUME, stage);
    }

    public static ClockEffect extend() {
        return new ClockEffect(Change.EXTEND, ClockStage.HANDLE);
    }

    /** Every clock stops: the case has ended. */
    public static ClockEffect[] stopAll() {
        return Arrays.stream(ClockStage.values()).map(ClockEffect::stop).toArray(ClockEffect[]::new);
    }

    /** Whether the effect can change the handling deadline the resident is told. */
    boolean movesHandlingDeadline() {
        return stage == ClockStage.HANDLE && List.of(Change.START, Change.START_REWORK, Change.RESUME, Change.EXTEND)
                .contains(change);
    }
}
