package cn.civicloop.shared;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working-day arithmetic in the district's time zone. Time limits of 12345 practice are counted in working days
 * "from the day after receipt" and end at the close of office hours of the last day.
 * <p>
 * This first version knows weekends only; public holidays and adjusted workdays (调休) come as yearly data
 * with the SLA engine.
 */
public final class WorkingCalendar {

    public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(18, 0);

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Close of business of the {@code workingDays}-th working day after the day of {@code start}. */
    public Instant endOfWorkingDaysAfter(Instant start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate day = start.atZone(DISTRICT_ZONE).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        ZonedDateTime end = day.atTime(CLOSE_OF_BUSINESS).atZone(DISTRICT_ZONE);
        Instant endInstant = end.toInstant();
        // "same day" for an emergency received after hours still has to leave the handler some time.
        return endInstant.isAfter(start) ? endInstant : start.plusSeconds(24 * 3600);
    }
}
