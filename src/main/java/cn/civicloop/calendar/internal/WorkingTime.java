package cn.civicloop.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.calendar.TimeLimit;

/**
 * The district's {@link BusinessCalendar}: office hours on working days, in one time zone.
 * <p>
 * Office time is counted per day (office time before a time of day, office time of a whole day), so a limit of
 * weeks costs a few dozen map lookups, never a walk minute by minute. {@link LimitUnit#WORKING_DAYS} differs from
 * {@link LimitUnit#WORKING_HOURS} only in {@link #deadline}: as an amount of time (elapsed, advance) a working day
 * is its office time, 7.5 hours by default.
 */
final class WorkingTime implements BusinessCalendar {

    static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    private final OfficeHours hours;
    private final DayKinds days;

    WorkingTime(ZoneId zone, OfficeHours hours, DayKinds days) {
        this.zone = zone;
        this.hours = hours;
        this.days = days;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return CalendarDay.isWorkingDay(day, days.kindOf(day));
    }

    @Override
    public Instant deadline(Instant start, TimeLimit limit) {
        Duration hoursOf = Duration.ofHours(limit.amount());
        return switch (limit.unit()) {
            case HOURS -> start.plus(hoursOf);
            case WORKING_HOURS -> advance(start, hoursOf, LimitUnit.WORKING_HOURS);
            case WORKING_DAYS -> instant(lastWorkingDay(local(start), limit.amount()), hours.close());
        };
    }

    /**
     * The n-th working day after the day of {@code start} (12345 practice counts "from the day after receipt").
     * For n = 0: the start day itself if it is a working day and not yet closed, else the next working day.
     */
    private LocalDate lastWorkingDay(LocalDateTime start, int n) {
        LocalDate day = start.toLocalDate();
        if (n == 0 && isWorkingDay(day) && start.toLocalTime().isBefore(hours.close())) {
            return day;
        }
        for (int counted = 0; counted < Math.max(n, 1);) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    @Override
    public Duration elapsed(Instant from, Instant to, LimitUnit unit) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (unit == LimitUnit.HOURS) {
            return Duration.between(from, to);
        }
        LocalDateTime start = local(from);
        LocalDateTime end = local(to);
        LocalDate day = start.toLocalDate();
        LocalDate last = end.toLocalDate();
        if (day.equals(last)) {
            return Duration.ofNanos(officeBefore(last, end.toLocalTime()) - officeBefore(day, start.toLocalTime()));
        }
        long nanos = officeOf(day) - officeBefore(day, start.toLocalTime());
        for (day = day.plusDays(1); day.isBefore(last); day = day.plusDays(1)) {
            nanos += officeOf(day);
        }
        return Duration.ofNanos(nanos + officeBefore(last, end.toLocalTime()));
    }

    /**
     * Walks day by day until {@code amount} of office time has passed; the answer is the earliest such instant,
     * so it lies inside an office period or at its end, never in a break (inverse of {@link #elapsed}).
     */
    @Override
    public Instant advance(Instant from, Duration amount, LimitUnit unit) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative amount: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        if (unit == LimitUnit.HOURS) {
            return from.plus(amount);
        }
        LocalDateTime start = local(from);
        LocalDate day = start.toLocalDate();
        // office time to reach, counted from the midnight that began the start day
        long target = amount.toNanos() + officeBefore(day, start.toLocalTime());
        for (long today = officeOf(day); target > today; today = officeOf(day)) {
            target -= today;
            day = day.plusDays(1);
        }
        return instant(day, hours.after(target));
    }

    private long officeOf(LocalDate day) {
        return isWorkingDay(day) ? hours.perDayNanos() : 0;
    }

    private long officeBefore(LocalDate day, LocalTime time) {
        return isWorkingDay(day) ? hours.before(time) : 0;
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private Instant instant(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return "WorkingTime[" + zone + ", " + hours + "]";
    }
}
