package cn.civicloop.calendar.internal;

import java.time.LocalDate;

/** The calendar data as the arithmetic sees it: one lookup per day, so it must be cheap (a map, never a query). */
@FunctionalInterface
interface DayKinds {

    /** The kind declared for {@code day}, or {@code null} when the day follows the Monday–Friday rule. */
    DayKind kindOf(LocalDate day);
}
