package cn.civicloop.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working-time arithmetic of the district. All instants are absolute; days and office hours are those of
 * {@link #zone()}. Holidays and adjusted workdays (调休) come from the calendar data of each year; a year without
 * data falls back to Monday–Friday.
 */
public interface BusinessCalendar {

    ZoneId zone();

    /** A working day: Monday–Friday unless a public holiday, or a weekend day declared a workday (调休). */
    boolean isWorkingDay(LocalDate day);

    /** The deadline {@code limit} after {@code start}. */
    Instant deadline(Instant start, TimeLimit limit);

    /**
     * How much of {@code unit}'s time lies between {@code from} and {@code to} (zero if {@code to} is not after
     * {@code from}): wall-clock time for {@link LimitUnit#HOURS}, office time on working days for the working units.
     */
    Duration elapsed(Instant from, Instant to, LimitUnit unit);

    /** The instant at which {@code amount} of {@code unit}'s time has passed after {@code from} (inverse of elapsed). */
    Instant advance(Instant from, Duration amount, LimitUnit unit);
}
