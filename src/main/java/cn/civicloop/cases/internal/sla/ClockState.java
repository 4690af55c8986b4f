package cn.civicloop.cases.internal.sla;

import java.time.Instant;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.ClockStage;

/** One stage clock of a case as stored in {@code cases_clock}. */
public record ClockState(long caseId, ClockStage stage, int round, int generation, LimitUnit unit, Instant startedAt,
        Instant dueAt, long budgetSeconds, Instant pausedAt, long pausedSeconds, Instant stoppedAt) {

    public boolean running() {
        return stoppedAt == null && pausedAt == null;
    }

    ClockState withPlan(int newGeneration, Instant newDue, long newBudget, Instant newPausedAt, long newPausedSeconds,
            Instant newStoppedAt) {
        return new ClockState(caseId, stage, round, newGeneration, unit, startedAt, newDue, newBudget, newPausedAt,
                newPausedSeconds, newStoppedAt);
    }
}
