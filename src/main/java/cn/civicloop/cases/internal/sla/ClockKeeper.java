package cn.civicloop.cases.internal.sla;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cases.ClockStage;

/**
 * Runs the stage clocks of a case in step with its actions: which clock starts, stops, pauses, resumes, is
 * extended or restarted with the (shorter) rework limit, as the action catalogue lists it ({@link ClockEffect}).
 * Every change re-plans the escalation timers in the same transaction. Returns the handling deadline whenever it
 * changes, since that is what the resident is told.
 */
@Component
public class ClockKeeper {

    private final Clocks clocks;
    private final TimeLimitPolicy limits;
    private final ClockMath math;
    private final EscalationPlanner planner;

    ClockKeeper(Clocks clocks, TimeLimitPolicy limits, ClockMath math, EscalationPlanner planner) {
        this.clocks = clocks;
        this.limits = limits;
        this.math = math;
        this.planner = planner;
    }

    /** The handling deadline a new case gets, to be stored with it before {@link #opened}. */
    public Instant handlingDeadline(LimitKey key, Instant now) {
        return math.calendar().deadline(now, limits.limit(key, ClockStage.HANDLE.name()));
    }

    public void opened(long caseId, LimitKey key, Instant now) {
        TimeLimit limit = limits.limit(key, ClockStage.HANDLE.name());
        Instant due = math.calendar().deadline(now, limit);
        long budget = math.calendar().elapsed(now, due, limit.unit()).toSeconds();
        // A new case has no clock yet: insert, no lookup (intake is the hot path, issue #8).
        ClockState clock = new ClockState(caseId, ClockStage.HANDLE, 1, 1, limit.unit(), now, due, budget, null, 0,
                null);
        clocks.insert(clock);
        planner.plan(clock, now, true);
    }

    /**
     * Carries out an action's effects on the clocks, in order (see {@link ClockEffect}).
     *
     * @param extensionDays working days granted, for {@link ClockEffect.Change#EXTEND}
     * @return the new handling deadline, or {@code null} if it did not change
     */
    public Instant acted(long caseId, LimitKey key, List<ClockEffect> effects, Integer extensionDays, Instant now) {
        Instant handlingDue = null;
        for (ClockEffect effect : effects) {
            Instant due = apply(caseId, key, effect, extensionDays, now);
            if (due != null && effect.movesHandlingDeadline()) {
                handlingDue = due;
            }
        }
        return handlingDue;
    }

    private Instant apply(long caseId, LimitKey key, ClockEffect effect, Integer extensionDays, Instant now) {
        ClockStage stage = effect.stage();
        return switch (effect.change()) {
            case START -> start(caseId, stage, limits.limit(key, stage.name()), now);
            case START_REWORK -> start(caseId, stage, limits.limit(key, TimeLimitPolicy.REWORK), now);
            case STOP -> {
                stop(caseId, stage, now);
                yield null;
            }
            case PAUSE -> {
                pause(caseId, stage, now);
                yield null;
            }
            case RESUME -> resume(caseId, stage, now);
            case EXTEND -> extend(caseId, extensionDays == null ? 0 : extensionDays, now);
        };
    }

    /** Starts (or restarts, as a new round) a stage clock. */
    private Instant start(long caseId, ClockStage stage, TimeLimit limit, Instant now) {
        Instant due = math.calendar().deadline(now, limit);
        long budget = math.calendar().elapsed(now, due, limit.unit()).toSeconds();
        ClockState previous = clocks.find(caseId, stage).orElse(null);
        int round = previous == null ? 1 : previous.round() + 1;
        int generation = previous == null ? 1 : previous.generation() + 1;
        ClockState clock = new ClockState(caseId, stage, round, generation, limit.unit(), now, due, budget, null, 0,
                null);
        clocks.save(clock);
        planner.plan(clock, now, true);
        return due;
    }

    private void stop(long caseId, ClockStage stage, Instant now) {
        clocks.find(caseId, stage).filter(c -> c.stoppedAt() == null).ifPresent(c -> clocks.save(
                c.withPlan(c.generation() + 1, c.dueAt(), c.budgetSeconds(), c.pausedAt(), c.pausedSeconds(), now)));
    }

    private void pause(long caseId, ClockStage stage, Instant now) {
        clocks.find(caseId, stage).filter(ClockState::running).ifPresent(c -> clocks.save(
                c.withPlan(c.generation() + 1, c.dueAt(), c.budgetSeconds(), now, c.pausedSeconds(), null)));
    }

    private Instant resume(long caseId, ClockStage stage, Instant now) {
        ClockState paused = clocks.find(caseId, stage).filter(c -> c.pausedAt() != null && c.stoppedAt() == null)
                .orElse(null);
        if (paused == null) {
            return null;
        }
        long pausedFor = math.calendar().elapsed(paused.pausedAt(), now, paused.unit()).toSeconds();
        ClockState running = paused.withPlan(paused.generation() + 1, paused.dueAt(), paused.budgetSeconds(), null,
                paused.pausedSeconds() + pausedFor, null);
        running = running.withPlan(running.generation(), math.dueFrom(running, now), running.budgetSeconds(), null,
                running.pausedSeconds(), null);
        clocks.save(running);
        planner.plan(running, now, false);
        return running.dueAt();
    }

    private Instant extend(long caseId, int workingDays, Instant now) {
        ClockState clock = clocks.find(caseId, ClockStage.HANDLE).filter(c -> c.stoppedAt() == null).orElse(null);
        if (clock == null || workingDays <= 0) {
            return null;
        }
        Instant newDue = math.calendar().deadline(clock.dueAt(), TimeLimit.workingDays(workingDays));
        long added = math.calendar().elapsed(clock.dueAt(), newDue, clock.unit()).toSeconds();
        ClockState extended = clock.withPlan(clock.generation() + 1, newDue, clock.budgetSeconds() + added,
                clock.pausedAt(), clock.pausedSeconds(), null);
        clocks.save(extended);
        planner.plan(extended, now, false);
        return newDue;
    }
}
