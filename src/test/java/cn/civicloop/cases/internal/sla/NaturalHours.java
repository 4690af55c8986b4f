package cn.civicloop.cases.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.calendar.TimeLimit;

/**
 * A calendar on which every hour counts: elapsed is the plain difference, advance adds the amount. Keeps the clock
 * tests on the arithmetic of limits (the arithmetic of working time is WorkingTimeTests').
 */
final class NaturalHours implements BusinessCalendar {

    static final NaturalHours CALENDAR = new NaturalHours();

    private NaturalHours() {
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return true;
    }

    @Override
    public Instant deadline(Instant start, TimeLimit limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Duration elapsed(Instant from, Instant to, LimitUnit unit) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public Instant advance(Instant from, Duration amount, LimitUnit unit) {
        return from.plus(amount);
    }
}
