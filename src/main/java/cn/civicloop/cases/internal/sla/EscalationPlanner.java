package cn.civicloop.cases.internal.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * Turns a clock into one db-scheduler timer: the one of its lowest rung not yet fired in this round. When it fires,
 * {@link #reachedFrom} gives every rung the clock has reached by then (several after a downtime, in order) and
 * schedules the timer of the next. One timer per clock instead of one per rung: intake wrote four timer rows per
 * case, plus a query per rung (issue #8). Runs inside the transaction that changed the clock (db-scheduler writes
 * through Spring's transaction-aware DataSource), so a rolled-back command leaves no timer behind and a committed
 * one always has its timer.
 */
@Component
public class EscalationPlanner {

    public static final String TASK_NAME = "case-escalation";

    private final SchedulerClient scheduler;
    private final OneTimeTask<EscalationDue> task;
    private final EscalationLadder ladder;
    private final ClockMath math;
    private final Clocks clocks;

    EscalationPlanner(SchedulerClient scheduler, OneTimeTask<EscalationDue> caseEscalationTask,
            EscalationLadder ladder, ClockMath math, Clocks clocks) {
        this.scheduler = scheduler;
        this.task = caseEscalationTask;
        this.ladder = ladder;
        this.math = math;
        this.clocks = clocks;
    }

    /**
     * Schedules the timer of the clock's lowest rung not yet fired.
     *
     * @param newRound the clock has just started a round, so none of its rungs can have fired (saves a query)
     */
    void plan(ClockState clock, Instant now, boolean newRound) {
        if (!clock.running()) {
            return;
        }
        Set<Integer> fired = newRound ? Set.of() : clocks.firedPercents(clock.caseId(), clock.stage(), clock.round());
        ladder.rungs(clock.stage()).stream().filter(r -> !fired.contains(r.percent())).findFirst()
                .ifPresent(r -> schedule(clock, r.percent(), now));
    }

    /**
     * For a firing timer: the rungs from {@code percent} up that {@code clock} has reached by {@code now}, lowest
     * first (the timer's own rung counts as reached: the scheduler says it is due); the timer of the first rung
     * above them is scheduled. Whether a rung has fired already is the caller's check.
     */
    public List<EscalationLadder.Rung> reachedFrom(ClockState clock, int percent, Instant now) {
        List<EscalationLadder.Rung> reached = new ArrayList<>();
        for (EscalationLadder.Rung rung : ladder.rungs(clock.stage())) {
            if (rung.percent() < percent) {
                continue;
            }
            if (rung.percent() > percent && !math.hasReached(clock, rung.percent(), now)) {
                schedule(clock, rung.percent(), now);
                break;
            }
            reached.add(rung);
        }
        return reached;
    }

    private void schedule(ClockState clock, int percent, Instant now) {
        EscalationDue due = new EscalationDue(clock.caseId(), clock.stage().name(), clock.round(),
                clock.generation(), percent);
        scheduler.scheduleIfNotExists(task.instance(due.instanceId(), due), math.reaches(clock, percent, now));
    }
}
