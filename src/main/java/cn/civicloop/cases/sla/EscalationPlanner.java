package cn.civicloop.cases.sla;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * Turns a clock into db-scheduler timers, one per rung of the ladder not yet fired in this round. Runs inside
 * the transaction that changed the clock (db-scheduler writes through Spring's transaction-aware DataSource), so a
 * rolled-back command leaves no timer behind and a committed one always has its timers.
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

    void plan(ClockState clock, Instant now) {
        if (!clock.running()) {
            return;
        }
        for (EscalationLadder.Rung rung : ladder.rungs(clock.stage())) {
            if (clocks.hasFired(clock.caseId(), clock.stage(), clock.round(), rung.percent())) {
                continue;
            }
            EscalationDue due = new EscalationDue(clock.caseId(), clock.stage().name(), clock.round(),
                    clock.generation(), rung.percent());
            scheduler.scheduleIfNotExists(task.instance(due.instanceId(), due), math.reaches(clock, rung.percent(), now));
        }
    }
}
