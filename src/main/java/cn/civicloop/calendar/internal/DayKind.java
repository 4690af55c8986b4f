package cn.civicloop.calendar.internal;

/** What the calendar data says about a day that differs from the plain Monday–Friday rule. */
enum DayKind {
    /** A public holiday (法定节假日 or a day off moved by 调休): no office hours, even on a weekday. */
    HOLIDAY,
    /** A Saturday or Sunday on which offices work (调休上班): a full working day. */
    WORKDAY
}
