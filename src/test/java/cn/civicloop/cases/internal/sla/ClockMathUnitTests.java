package cn.civicloop.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.ClockStage;

/**
 * How much of a limit a clock has used, on a calendar where every hour counts (the arithmetic of working time is
 * WorkingTimeTests'): paused and stopped time, the exact instant a share is reached, the traffic light's edges.
 */
class ClockMathUnitTests {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final long DAY = 86_400;

    private final ClockMath math = new ClockMath(NaturalHours.CALENDAR);

    private static ClockState running(long budget) {
        return new ClockState(1, ClockStage.HANDLE, 1, 1, LimitUnit.HOURS, T0, T0.plusSeconds(budget), budget, null, 0,
                null);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aRunningClockUsesTheTimeSinceItStarted() {
        ClockState c = running(DAY);
        assertThat(math.consumedSeconds(c, at(3600))).isEqualTo(3600);
        assertThat(math.percent(c, at(DAY / 2))).isEqualTo(50.0);
        assertThat(math.percent(c, at(2 * DAY))).isEqualTo(200.0);
        assertThat(math.consumedSeconds(c, T0.minusSeconds(60))).as("before its start").isZero();
    }

    @Test
    void pausedTimeDoesNotCountAndAPausedClockStandsStill() {
        ClockState paused = new ClockState(1, ClockStage.HANDLE, 1, 2, LimitUnit.HOURS, T0, T0.plusSeconds(DAY), DAY,
                at(10 * 3600), 3600, null);
        assertThat(math.consumedSeconds(paused, at(30 * 3600))).as("10 h run, 1 h paused before").isEqualTo(9 * 3600);
        ClockState resumed = new ClockState(1, ClockStage.HANDLE, 1, 3, LimitUnit.HOURS, T0, T0.plusSeconds(DAY), DAY,
                null, 20 * 3600, null);
        assertThat(math.consumedSeconds(resumed, at(30 * 3600))).isEqualTo(10 * 3600);
        assertThat(math.consumedSeconds(resumed, at(3600))).as("never below zero").isZero();
    }

    @Test
    void aStoppedClockCountsUpToItsStop() {
        ClockState stopped = new ClockState(1, ClockStage.HANDLE, 1, 2, LimitUnit.HOURS, T0, T0.plusSeconds(DAY), DAY,
                null, 0, at(5 * 3600));
        assertThat(math.consumedSeconds(stopped, at(40 * 3600))).isEqualTo(5 * 3600);
        assertThat(math.consumedSeconds(stopped, at(2 * 3600))).as("a stop after now counts up to now")
                .isEqualTo(2 * 3600);
        ClockState stoppedWhilePaused = new ClockState(1, ClockStage.HANDLE, 1, 3, LimitUnit.HOURS, T0,
                T0.plusSeconds(DAY), DAY, at(3 * 3600), 0, at(5 * 3600));
        assertThat(math.consumedSeconds(stoppedWhilePaused, at(40 * 3600))).as("the stop decides").isEqualTo(5 * 3600);
    }

    @Test
    void aShareIsReachedAtItsInstantNotBefore() {
        ClockState c = running(DAY);
        long eighty = Math.round(DAY * 0.8); // 19 h 12 min
        assertThat(math.hasReached(c, 80, at(eighty - 1))).isFalse();
        assertThat(math.hasReached(c, 80, at(eighty))).isTrue();
        assertThat(math.hasReached(c, 80, at(eighty + 1))).isTrue();
        assertThat(math.reaches(c, 80, T0)).isEqualTo(at(eighty));
        assertThat(math.reaches(c, 80, at(3600))).isEqualTo(at(eighty));
        assertThat(math.reaches(c, 80, at(eighty + 60))).as("already reached: now").isEqualTo(at(eighty + 60));
        assertThat(math.dueFrom(c, at(3600))).isEqualTo(at(DAY));
        assertThat(math.reaches(c, 200, T0)).isEqualTo(at(2 * DAY));
    }

    @Test
    void aClockWithoutBudgetIsAtItsLimitAndPastItOnceTimeRuns() {
        ClockState none = running(0);
        assertThat(math.percent(none, T0)).isEqualTo(100.0);
        assertThat(math.percent(none, at(1))).isGreaterThan(100.0);
        assertThat(TrafficLight.of(math.percent(none, T0))).isEqualTo(TrafficLight.YELLOW);
        assertThat(TrafficLight.of(math.percent(none, at(1)))).isEqualTo(TrafficLight.RED);
    }

    @Test
    void theTrafficLightTurnsYellowAtEightyAndRedPastTheLimit() {
        assertThat(TrafficLight.of(0)).isEqualTo(TrafficLight.GREEN);
        assertThat(TrafficLight.of(Math.nextDown(80.0))).isEqualTo(TrafficLight.GREEN);
        assertThat(TrafficLight.of(80.0)).isEqualTo(TrafficLight.YELLOW);
        assertThat(TrafficLight.of(100.0)).as("at the limit, not past it").isEqualTo(TrafficLight.YELLOW);
        assertThat(TrafficLight.of(Math.nextUp(100.0))).isEqualTo(TrafficLight.RED);
    }
}
