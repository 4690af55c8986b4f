package cn.civicloop.calendar;

/** How a time limit is counted. */
public enum LimitUnit {
    /** Natural hours, around the clock (emergencies, 24-hour signing). */
    HOURS,
    /** Hours inside office hours on working days. */
    WORKING_HOURS,
    /** Working days counted from the day after the start, ending at close of business of the last one. */
    WORKING_DAYS
}
