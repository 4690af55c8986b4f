package cn.civicloop.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working-time arithmetic of the district. All instants are absolute; days and office hours are those of
 * {@link #zone()} (Asia/Shanghai). Holidays and adjusted workdays (调休) come from the calendar data of each year,
 * which admins edit; a year without data falls back to Monday–Friday.
 * <p>
 * Office hours are the same on every working day: by default 08:30–12:00 and 13:30–17:30, 7.5 hours
 * (setting {@code civicloop.calendar.office-hours}). <em>Office time</em> is the time inside those periods on
 * working days; <em>close of business</em> is the end of the last period (17:30).
 * <p>
 * Cheap enough to call for every case on every request: the days are looked up in memory.
 */
public interface BusinessCalendar {

    ZoneId zone();

    /** A working day: Monday–Friday unless a public holiday, or a weekend day declared a workday (调休). */
    boolean isWorkingDay(LocalDate day);

    /**
     * The deadline {@code limit} after {@code start}:
     * <ul>
     * <li>{@link LimitUnit#HOURS}: {@code start} + n hours, day or night.</li>
     * <li>{@link LimitUnit#WORKING_HOURS}: the instant at which n hours of office time have passed after
     * {@code start}; a start outside office time counts from the next office period. An end that falls exactly on
     * the end of a period is that end (11:00 + 1 h → 12:00, not 13:30). n = 0 gives {@code start}.</li>
     * <li>{@link LimitUnit#WORKING_DAYS}: close of business of the n-th working day after the day of
     * {@code start} (12345 practice: "from the day after receipt"), whatever the time of day of {@code start}.
     * n = 0 ("the same day"): close of business of the start day if it is a working day and {@code start} is
     * before its close, else close of business of the next working day.</li>
     * </ul>
     */
    Instant deadline(Instant start, TimeLimit limit);

    /**
     * How much of {@code unit}'s time lies between {@code from} and {@code to} (zero if {@code to} is not after
     * {@code from}): wall-clock time for {@link LimitUnit#HOURS}, office time on working days for the working
     * units (for {@link LimitUnit#WORKING_DAYS} too: a full working day counts as its office time, 7.5 hours by default).
     */
    Duration elapsed(Instant from, Instant to, LimitUnit unit);

    /**
     * The instant at which {@code amount} of {@code unit}'s time has passed after {@code from}: the inverse of
     * {@link #elapsed}. For the working units it is the earliest such instant, so it lies inside an office period
     * or at its end, and {@code advance(from, elapsed(from, to, u), u) == to} whenever {@code to} is after
     * {@code from} and inside an office period (its end included, its opening instant not). A zero amount gives
     * {@code from}; a negative one is refused.
     */
    Instant advance(Instant from, Duration amount, LimitUnit unit);
}
