package cn.civicloop.cases.internal.sla;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.civicloop.calendar.BusinessCalendar;

/**
 * How much of a clock's limit is used. Time is measured in the clock's unit (office time for working units),
 * and time spent paused (挂账) does not count.
 */
@Component
public class ClockMath {

    private final BusinessCalendar calendar;

    ClockMath(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** Seconds of the limit used at {@code now}. */
    public long consumedSeconds(ClockState c, Instant now) {
        Instant end = c.stoppedAt() != null ? c.stoppedAt() : c.pausedAt() != null ? c.pausedAt() : now;
        if (end.isAfter(now)) {
            end = now;
        }
        return Math.max(0, calendar.elapsed(c.startedAt(), end, c.unit()).toSeconds() - c.pausedSeconds());
    }

    public double percent(ClockState c, Instant now) {
        if (c.budgetSeconds() <= 0) {
            return consumedSeconds(c, now) > 0 ? 100.0 + 1 : 100.0;
        }
        return 100.0 * consumedSeconds(c, now) / c.budgetSeconds();
    }

    /** Whether a running clock has used at least {@code percent} of its limit by {@code now}. */
    public boolean hasReached(ClockState c, int percent, Instant now) {
        return Math.round(c.budgetSeconds() * percent / 100.0) - consumedSeconds(c, now) <= 0;
    }

    /** When a running clock reaches {@code percent} of its limit (now, if it already has). */
    public Instant reaches(ClockState c, int percent, Instant now) {
        long target = Math.round(c.budgetSeconds() * percent / 100.0);
        long remaining = target - consumedSeconds(c, now);
        return remaining <= 0 ? now : calendar.advance(now, Duration.ofSeconds(remaining), c.unit());
    }

    /** The deadline of a running clock from now on: what is left of its budget, counted from now. */
    public Instant dueFrom(ClockState c, Instant now) {
        return reaches(c, 100, now);
    }

    BusinessCalendar calendar() {
        return calendar;
    }
}
