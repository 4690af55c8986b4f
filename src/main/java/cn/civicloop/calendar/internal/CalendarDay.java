package cn.civicloop.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import cn.civicloop.calendar.CalendarAdministration;

/**
 * One row of the calendar data: a holiday, or a weekend day declared a workday (调休), with its name (国庆节,
 * 国庆节调休上班). Days not listed follow the Monday–Friday rule.
 */
record CalendarDay(LocalDate date, DayKind kind, String name) {

    static final int MAX_NAME_LENGTH = CalendarAdministration.MAX_NAME_LENGTH;

    CalendarDay {
        if (date == null || kind == null) {
            throw new IllegalArgumentException("a calendar day needs a date and a kind");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(date + ": the name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (kind == DayKind.WORKDAY && !isWeekend(date)) {
            throw new IllegalArgumentException(date + " is a weekday: it is a working day already");
        }
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /** The one rule of the calendar: declared kind first, else Monday–Friday. */
    static boolean isWorkingDay(LocalDate date, DayKind declared) {
        return declared == null ? !isWeekend(date) : declared == DayKind.WORKDAY;
    }
}
