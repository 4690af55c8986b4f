package cn.civicloop.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.internal.sla.EscalationLadder.Rung;

/**
 * The planner as a plain unit, on a calendar where every hour counts: which rung's timer a clock gets, and which
 * rungs a firing timer has reached. A 24 h handling limit on the ladder 80 % remind, 100 % supervise, 150 %
 * circulate: the rungs are due 19 h 12 min, 24 h and 36 h after the start.
 */
class EscalationPlannerUnitTests {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final long HOUR = 3600;
    private static final Rung REMIND = new Rung(ClockStage.HANDLE, 80, EscalationStep.REMIND);
    private static final Rung SUPERVISE = new Rung(ClockStage.HANDLE, 100, EscalationStep.SUPERVISE);
    private static final Rung CIRCULATE = new Rung(ClockStage.HANDLE, 150, EscalationStep.CIRCULATE);

    private final SchedulerClient scheduler = mock(SchedulerClient.class);
    private final OneTimeTask<EscalationDue> task = Tasks.oneTime(EscalationPlanner.TASK_NAME, EscalationDue.class)
            .execute((instance, context) -> {
            });
    private final EscalationLadder ladder = mock(EscalationLadder.class);
    private final Clocks clocks = mock(Clocks.class);
    private final EscalationPlanner planner = new EscalationPlanner(scheduler, task, ladder,
            new ClockMath(NaturalHours.CALENDAR), clocks);

    @BeforeEach
    void ladder() {
        when(ladder.rungs(ClockStage.HANDLE)).thenReturn(List.of(REMIND, SUPERVISE, CIRCULATE));
    }

    private static ClockState running(int round, int generation) {
        return new ClockState(7, ClockStage.HANDLE, round, generation, LimitUnit.HOURS, T0, T0.plusSeconds(24 * HOUR),
                24 * HOUR, null, 0, null);
    }

    private static Instant at(double hours) {
        return T0.plusSeconds(Math.round(hours * HOUR));
    }

    /** Each timer scheduled: its instance id, then when it is due. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<String> scheduled() {
        ArgumentCaptor<TaskInstance> instance = ArgumentCaptor.forClass(TaskInstance.class);
        ArgumentCaptor<Instant> when = ArgumentCaptor.forClass(Instant.class);
        verify(scheduler, atLeast(0)).scheduleIfNotExists(instance.capture(), when.capture());
        List<String> timers = new ArrayList<>();
        for (int i = 0; i < instance.getAllValues().size(); i++) {
            TaskInstance<EscalationDue> t = instance.getAllValues().get(i);
            assertThat(t.getTaskName()).isEqualTo(EscalationPlanner.TASK_NAME);
            assertThat(t.getId()).isEqualTo(t.getData().instanceId());
            timers.add(t.getId() + " @ " + when.getAllValues().get(i));
        }
        return timers;
    }

    @Test
    void aNewRoundGetsTheTimerOfItsLowestRungWithoutAskingWhatFired() {
        planner.plan(running(2, 5), at(1), true);
        assertThat(scheduled()).containsExactly("7:HANDLE:2:5:80 @ " + at(19.2));
        verify(clocks, never()).firedPercents(anyLong(), any(), anyInt());
    }

    @Test
    void aChangedPlanGetsTheTimerOfTheLowestRungNotFiredInItsRound() {
        when(clocks.firedPercents(7, ClockStage.HANDLE, 1)).thenReturn(Set.of(80));
        planner.plan(running(1, 2), at(20), false);
        assertThat(scheduled()).containsExactly("7:HANDLE:1:2:100 @ " + at(24));
    }

    @Test
    void aRungAlreadyPassedIsDueAtOnce() {
        planner.plan(running(1, 1), at(21), true);
        assertThat(scheduled()).containsExactly("7:HANDLE:1:1:80 @ " + at(21));
    }

    @Test
    void aClockWithEveryRungFiredOrNotRunningGetsNoTimer() {
        when(clocks.firedPercents(7, ClockStage.HANDLE, 1)).thenReturn(Set.of(80, 100, 150));
        planner.plan(running(1, 1), at(40), false);
        ClockState paused = new ClockState(7, ClockStage.HANDLE, 1, 2, LimitUnit.HOURS, T0, T0.plusSeconds(24 * HOUR),
                24 * HOUR, at(3), 0, null);
        planner.plan(paused, at(4), true);
        ClockState stopped = new ClockState(7, ClockStage.HANDLE, 1, 2, LimitUnit.HOURS, T0, T0.plusSeconds(24 * HOUR),
                24 * HOUR, null, 0, at(3));
        planner.plan(stopped, at(4), true);
        assertThat(scheduled()).isEmpty();
    }

    @Test
    void aFiringTimerReachesItsOwnRungAndSchedulesTheNext() {
        assertThat(planner.reachedFrom(running(1, 1), 80, at(19.5))).containsExactly(REMIND);
        assertThat(scheduled()).containsExactly("7:HANDLE:1:1:100 @ " + at(24));
    }

    @Test
    void theTimersOwnRungCountsAsReachedEvenASecondEarly() {
        Instant early = at(19.2).minusSeconds(1);
        assertThat(planner.reachedFrom(running(1, 1), 80, early)).containsExactly(REMIND);
        assertThat(scheduled()).containsExactly("7:HANDLE:1:1:100 @ " + at(24));
    }

    @Test
    void afterADowntimeEveryRungReachedFiresAtOnceInOrder() {
        assertThat(planner.reachedFrom(running(1, 1), 80, at(30))).containsExactly(REMIND, SUPERVISE);
        assertThat(scheduled()).containsExactly("7:HANDLE:1:1:150 @ " + at(36));
    }

    @Test
    void rungsBelowTheTimersAreLeftToTheirOwnTimers() {
        assertThat(planner.reachedFrom(running(1, 1), 100, at(40))).containsExactly(SUPERVISE, CIRCULATE);
        assertThat(scheduled()).as("the top rung reached: nothing left to plan").isEmpty();
    }

    @Test
    void aRungReachedExactlyNowFires() {
        assertThat(planner.reachedFrom(running(1, 1), 80, at(24))).containsExactly(REMIND, SUPERVISE);
        assertThat(scheduled()).containsExactly("7:HANDLE:1:1:150 @ " + at(36));
    }
}
