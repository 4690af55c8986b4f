package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.internal.sla.ClockState;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.cases.internal.sla.EscalationDue;
import cn.civicloop.cases.internal.sla.EscalationLadder.Rung;
import cn.civicloop.cases.internal.sla.EscalationPlanner;
import cn.civicloop.directory.Actor;

/**
 * The decisions of a firing escalation timer without a node: which timers are outdated, that a rung already fired
 * is skipped, what a reminder and a supervision write and publish. The database's part (the fired-rung key deciding
 * between nodes) is EscalationFiringTests'.
 */
class EscalationFiringUnitTests {

    private static final Instant STARTED = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(20 * 3600);
    private static final Instant DUE = STARTED.plusSeconds(24 * 3600);
    private static final long CASE_ID = 7;
    private static final long DEPARTMENT = 42;

    private final Clocks clocks = mock(Clocks.class);
    private final EscalationPlanner planner = mock(EscalationPlanner.class);
    private final Cases cases = mock(Cases.class);
    private final Timeline timeline = mock(Timeline.class);
    private final Supervisions supervisions = mock(Supervisions.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final EscalationFiring firing = new EscalationFiring(clocks, planner, cases, timeline, supervisions, events,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private Case c;

    @BeforeEach
    void aCaseInProgress() {
        c = new Case();
        c.id = CASE_ID;
        c.number = "2026030200001";
        c.status = CaseStatus.IN_PROGRESS;
        c.departmentId = DEPARTMENT;
        when(cases.byId(CASE_ID)).thenReturn(Optional.of(c));
    }

    private static ClockState handle(int round, int generation, Instant pausedAt, Instant stoppedAt) {
        return new ClockState(CASE_ID, ClockStage.HANDLE, round, generation, LimitUnit.HOURS, STARTED, DUE,
                24 * 3600, pausedAt, 0, stoppedAt);
    }

    private static EscalationDue due(int round, int generation, int percent) {
        return new EscalationDue(CASE_ID, "HANDLE", round, generation, percent);
    }

    private void current(ClockState clock) {
        when(clocks.find(CASE_ID, ClockStage.HANDLE)).thenReturn(Optional.of(clock));
    }

    private void reached(ClockState clock, int percent, Rung... rungs) {
        when(planner.reachedFrom(clock, percent, NOW)).thenReturn(List.of(rungs));
    }

    private void nothingHappened() {
        verifyNoInteractions(planner, timeline, supervisions, events);
        verify(clocks, never()).markFired(anyLong(), any(), anyInt(), anyInt(), any());
    }

    @Test
    void aClockTheCaseDoesNotRunFiresNothing() {
        when(clocks.find(CASE_ID, ClockStage.HANDLE)).thenReturn(Optional.empty());
        firing.fire(due(1, 1, 80));
        nothingHappened();
    }

    @Test
    void aPausedOrStoppedClockFiresNothing() {
        current(handle(1, 2, NOW.minusSeconds(60), null));
        firing.fire(due(1, 2, 80));
        current(handle(1, 2, null, NOW.minusSeconds(60)));
        firing.fire(due(1, 2, 80));
        nothingHappened();
    }

    @Test
    void aTimerOfAnotherRoundOrGenerationFiresNothing() {
        current(handle(2, 3, null, null));
        firing.fire(due(1, 3, 80));
        firing.fire(due(2, 2, 80));
        firing.fire(due(3, 3, 80));
        firing.fire(due(2, 4, 80));
        nothingHappened();
    }

    @Test
    void everyReachedRungFiresInOrderWithItsTimelineEntryAndEvent() {
        ClockState clock = handle(2, 3, null, null);
        current(clock);
        reached(clock, 80, new Rung(ClockStage.HANDLE, 80, EscalationStep.REMIND),
                new Rung(ClockStage.HANDLE, 100, EscalationStep.SUPERVISE));
        when(clocks.markFired(eq(CASE_ID), eq(ClockStage.HANDLE), eq(2), anyInt(), eq(NOW))).thenReturn(true);

        firing.fire(due(2, 3, 80));

        verify(timeline).append(CASE_ID, NOW, Actor.system(), CaseAction.REMIND, CaseStatus.IN_PROGRESS,
                CaseStatus.IN_PROGRESS, "ESCALATED[HANDLE|80|REMIND]", DEPARTMENT, Visibility.isPublic(CaseAction.REMIND));
        verify(timeline).append(CASE_ID, NOW, Actor.system(), CaseAction.SUPERVISE, CaseStatus.IN_PROGRESS,
                CaseStatus.IN_PROGRESS, "ESCALATED[HANDLE|100|SUPERVISE]", DEPARTMENT, Visibility.isPublic(CaseAction.SUPERVISE));
        verify(supervisions).raise(CASE_ID, CaseAction.SUPERVISE, DEPARTMENT, Actor.system().displayName(),
                "ESCALATED[HANDLE|100|SUPERVISE]", NOW);
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(events, org.mockito.Mockito.times(2)).publishEvent(published.capture());
        assertThat(published.getAllValues()).containsExactly(
                new CaseEscalated(c.number, ClockStage.HANDLE, 80, EscalationStep.REMIND, DEPARTMENT, DUE, NOW),
                new CaseEscalated(c.number, ClockStage.HANDLE, 100, EscalationStep.SUPERVISE, DEPARTMENT, DUE, NOW));
    }

    @Test
    void aRungFiredBeforeIsSkipped() {
        ClockState clock = handle(1, 1, null, null);
        current(clock);
        reached(clock, 80, new Rung(ClockStage.HANDLE, 80, EscalationStep.REMIND),
                new Rung(ClockStage.HANDLE, 100, EscalationStep.SUPERVISE));
        when(clocks.markFired(CASE_ID, ClockStage.HANDLE, 1, 80, NOW)).thenReturn(false);
        when(clocks.markFired(CASE_ID, ClockStage.HANDLE, 1, 100, NOW)).thenReturn(true);

        firing.fire(due(1, 1, 80));

        verify(timeline, never()).append(anyLong(), any(), any(), eq(CaseAction.REMIND), any(), any(), any(), any(),
                anyBoolean());
        verify(timeline).append(anyLong(), any(), any(), eq(CaseAction.SUPERVISE), any(), any(), any(), any(),
                anyBoolean());
        verify(events).publishEvent(any(CaseEscalated.class));
    }

    @Test
    void aSupervisionOfACaseWithoutADepartmentIsOnlyRecorded() {
        c.departmentId = null;
        ClockState clock = handle(1, 1, null, null);
        current(clock);
        reached(clock, 100, new Rung(ClockStage.HANDLE, 100, EscalationStep.SUPERVISE));
        when(clocks.markFired(CASE_ID, ClockStage.HANDLE, 1, 100, NOW)).thenReturn(true);

        firing.fire(due(1, 1, 100));

        verify(timeline).append(anyLong(), any(), any(), eq(CaseAction.SUPERVISE), any(), any(), any(), any(),
                anyBoolean());
        verifyNoInteractions(supervisions);
    }

    @Test
    void aReminderRaisesNoSupervision() {
        ClockState clock = handle(1, 1, null, null);
        current(clock);
        reached(clock, 80, new Rung(ClockStage.HANDLE, 80, EscalationStep.REMIND));
        when(clocks.markFired(CASE_ID, ClockStage.HANDLE, 1, 80, NOW)).thenReturn(true);

        firing.fire(due(1, 1, 80));

        verify(events).publishEvent(any(CaseEscalated.class));
        verifyNoInteractions(supervisions);
    }
}
