package cn.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    private final WorkingCalendar calendar = new WorkingCalendar();

    private static Instant district(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.DISTRICT_ZONE).toInstant();
    }

    @Test
    void countsWorkingDaysFromTheDayAfterReceiptAndSkipsWeekends() {
        // Thursday 2026-11-26 10:00 + 3 working days = Fri, Mon, Tue → Tuesday 2026-12-01 18:00
        assertThat(calendar.endOfWorkingDaysAfter(district("2026-11-26T10:00"), 3))
                .isEqualTo(district("2026-12-01T18:00"));
    }

    @Test
    void aSaturdayReceiptStartsCountingOnMonday() {
        assertThat(calendar.endOfWorkingDaysAfter(district("2026-11-28T09:00"), 1))
                .isEqualTo(district("2026-11-30T18:00"));
    }

    @Test
    void thirteenWorkingDaysAreNearlyThreeWeeks() {
        ZonedDateTime due = calendar.endOfWorkingDaysAfter(district("2026-11-25T15:00"), 13)
                .atZone(WorkingCalendar.DISTRICT_ZONE);
        assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-14T18:00"));
    }

    @Test
    void sameDayMeansCloseOfBusinessOrADayWhenReceivedAfterHours() {
        assertThat(calendar.endOfWorkingDaysAfter(district("2026-11-25T09:30"), 0))
                .isEqualTo(district("2026-11-25T18:00"));
        Instant late = district("2026-11-25T21:00");
        assertThat(calendar.endOfWorkingDaysAfter(late, 0)).isEqualTo(late.plusSeconds(24 * 3600));
    }

    @Test
    void crossesTheYearEnd() {
        assertThat(calendar.endOfWorkingDaysAfter(district("2026-12-31T10:00"), 2))
                .isEqualTo(district("2027-01-04T18:00"));
    }
}
