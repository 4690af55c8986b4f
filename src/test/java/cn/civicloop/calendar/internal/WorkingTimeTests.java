package cn.civicloop.calendar.internal;

import static cn.civicloop.calendar.internal.ShippedCalendar.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.calendar.TimeLimit;

/** Calendar arithmetic with the shipped 2026/2027 data; every expected value worked out by hand. */
class WorkingTimeTests {

    private final WorkingTime calendar = ShippedCalendar.calendar();

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-03-02, true",  // an ordinary Monday
            "2026-03-07, false", // an ordinary Saturday
            "2026-01-01, false", // 元旦, Thursday
            "2026-01-04, true",  // Sunday, 元旦调休上班
            "2026-02-14, true",  // Saturday, 春节调休上班
            "2026-02-23, false", // Monday, last day of 春节
            "2026-09-20, true",  // Sunday, 国庆节调休上班
            "2026-10-07, false", // Wednesday, 国庆节
            "2026-10-10, true",  // Saturday, 国庆节调休上班
            "2027-02-08, false", // Monday, 春节 (statutory 初三)
            "2027-02-09, true",  // Tuesday after 春节: 2027's 调休 are not known yet
            "2028-01-03, true",  // a year without data: Monday–Friday
            "2028-01-01, false" })
    void workingDays(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 中秋 Fri 25 – Sun 27: Mon 28, Tue 29, Wed 30
            "2026-09-24T10:00, 3, 2026-09-30T17:30",
            // Friday before 春节: the next day is the 调休 Saturday
            "2026-02-13T09:00, 1, 2026-02-14T17:30",
            // Thu 12th: Fri 13 (1), Sat 14 调休 (2), 春节 15–23, Tue 24 (3)
            "2026-02-12T09:00, 3, 2026-02-24T17:30",
            // 国庆 1–7: the first working day after Wed 30 Sep is Thu 8 Oct
            "2026-09-30T16:00, 1, 2026-10-08T17:30",
            // Thu 8 (1), Fri 9 (2), Sat 10 调休 (3), Mon 12 (4)
            "2026-09-30T16:00, 4, 2026-10-12T17:30",
            // 劳动节 1–5: Wed 6 (1), Thu 7 (2), Fri 8 (3), Sat 9 调休 (4), Mon 11 (5)
            "2026-04-30T09:00, 5, 2026-05-11T17:30",
            // year end: 元旦 2027 is Friday, then the weekend: Mon 4 Jan
            "2026-12-31T10:00, 1, 2027-01-04T17:30",
            "2026-12-31T10:00, 2, 2027-01-05T17:30",
            // 元旦 2026 Thu–Sat, Sun 4 Jan 调休 counts, from a 2025 start (no 2025 data needed)
            "2025-12-31T20:00, 1, 2026-01-04T17:30",
            // received on a holiday: counting starts the day after all the same
            "2026-01-03T10:00, 1, 2026-01-04T17:30",
            // 春节 2027 Fri 5 – Mon 8
            "2027-02-04T11:00, 1, 2027-02-09T17:30",
            // received after close of business: still "from the day after receipt"
            "2026-03-02T22:00, 1, 2026-03-03T17:30",
            // 13 working days (complaints): Mar 3…6 (4), 9…13 (9), 16…19 (13)
            "2026-03-02T10:00, 13, 2026-03-19T17:30" })
    void workingDayDeadlines(String start, int days, String expected) {
        assertThat(calendar.deadline(at(start), TimeLimit.workingDays(days))).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "{0} same day = {1}")
    @CsvSource({
            "2026-03-02T10:00, 2026-03-02T17:30", // a working morning: today
            "2026-03-02T17:29, 2026-03-02T17:30",
            "2026-03-02T17:30, 2026-03-03T17:30", // closed: the next working day
            "2026-03-06T18:00, 2026-03-09T17:30", // Friday evening: Monday
            "2026-03-07T10:00, 2026-03-09T17:30", // Saturday: Monday
            "2026-02-14T07:00, 2026-02-14T17:30", // the 调休 Saturday works
            "2026-09-24T18:00, 2026-09-28T17:30", // Thursday evening before 中秋
            "2026-12-31T19:00, 2027-01-04T17:30" })
    void sameDayDeadlines(String start, String expected) {
        assertThat(calendar.deadline(at(start), TimeLimit.workingDays(0))).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "{0} + {1} working hours = {2}")
    @CsvSource({
            "2026-03-02T09:00, 2, 2026-03-02T11:00",
            "2026-03-02T11:00, 1, 2026-03-02T12:00", // ends at noon, not after lunch
            "2026-03-02T11:00, 2, 2026-03-02T14:30", // across lunch: 1 h before, 1 h after
            "2026-03-02T12:30, 1, 2026-03-02T14:30", // starts in the lunch break
            "2026-03-02T07:00, 1, 2026-03-02T09:30", // starts before the office opens
            "2026-03-03T17:00, 1, 2026-03-04T09:00", // across the night: 0.5 h + 0.5 h
            "2026-03-03T20:00, 7, 2026-03-04T17:00", // 7 of the 7.5 office hours of a day
            "2026-03-06T16:30, 2, 2026-03-09T09:30", // Friday to Monday
            "2026-03-07T10:00, 1, 2026-03-09T09:30", // Saturday start
            "2026-02-13T17:00, 7, 2026-02-14T16:30", // 0.5 h Friday, 3.5 + 3 h on the 调休 Saturday
            "2026-03-02T08:30, 15, 2026-03-03T17:30", // two full days of 7.5 h
            "2026-12-31T16:00, 3, 2027-01-04T10:00", // 1.5 h on 31 Dec, 1.5 h after 元旦 and the weekend
            "2026-03-02T10:00, 0, 2026-03-02T10:00" })
    void workingHourDeadlines(String start, int hours, String expected) {
        assertThat(calendar.deadline(at(start), TimeLimit.workingHours(hours))).isEqualTo(at(expected));
    }

    @Test
    void naturalHoursIgnoreTheCalendar() {
        assertThat(calendar.deadline(at("2026-09-30T16:00"), TimeLimit.hours(24))).isEqualTo(at("2026-10-01T16:00"));
        assertThat(calendar.deadline(at("2026-12-31T23:00"), TimeLimit.hours(2))).isEqualTo(at("2027-01-01T01:00"));
        assertThat(calendar.elapsed(at("2026-09-24T10:00"), at("2026-09-28T10:00"), LimitUnit.HOURS))
                .isEqualTo(Duration.ofHours(96));
        assertThat(calendar.advance(at("2026-10-01T00:00"), Duration.ofMinutes(90), LimitUnit.HOURS))
                .isEqualTo(at("2026-10-01T01:30"));
    }

    @ParameterizedTest(name = "office time from {0} to {1} = {2}")
    @CsvSource({
            "2026-03-02T09:00, 2026-03-02T11:00, PT2H",
            "2026-03-02T11:00, 2026-03-02T14:00, PT1H30M",   // lunch does not count
            "2026-03-02T12:10, 2026-03-02T13:20, PT0S",      // inside lunch
            "2026-03-02T06:00, 2026-03-02T23:00, PT7H30M",
            "2026-03-06T17:00, 2026-03-09T09:00, PT1H",      // weekend: 0.5 + 0.5
            "2026-09-24T10:00, 2026-09-28T10:00, PT7H30M",   // 中秋: 2 + 4 on Thu, 1.5 on Mon
            "2026-12-31T09:00, 2027-01-04T09:00, PT7H30M",   // year end: 3 + 4, then 0.5
            "2026-02-13T08:30, 2026-02-24T08:30, PT15H",     // Fri 13 and Sat 14 (调休) only
            "2026-09-30T00:00, 2026-10-09T00:00, PT15H",     // 30 Sep and 8 Oct
            "2026-03-02T11:00, 2026-03-02T10:00, PT0S" })    // backwards: nothing
    void officeTimeBetween(String from, String to, Duration expected) {
        assertThat(calendar.elapsed(at(from), at(to), LimitUnit.WORKING_HOURS)).isEqualTo(expected);
        assertThat(calendar.elapsed(at(from), at(to), LimitUnit.WORKING_DAYS)).isEqualTo(expected);
    }

    @Test
    void advanceIsTheInverseOfElapsedOnTheExamples() {
        assertThat(calendar.advance(at("2026-09-24T10:00"), Duration.ofMinutes(450), LimitUnit.WORKING_HOURS))
                .isEqualTo(at("2026-09-28T10:00"));
        assertThat(calendar.advance(at("2026-12-31T09:00"), Duration.ofMinutes(450), LimitUnit.WORKING_DAYS))
                .isEqualTo(at("2027-01-04T09:00"));
        assertThat(calendar.advance(at("2026-02-13T08:30"), Duration.ofHours(15), LimitUnit.WORKING_HOURS))
                .isEqualTo(at("2026-02-14T17:30"));
        assertThat(calendar.advance(at("2026-03-02T10:00"), Duration.ZERO, LimitUnit.WORKING_HOURS))
                .isEqualTo(at("2026-03-02T10:00"));
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThatThrownBy(() -> calendar.advance(at("2026-03-02T10:00"), Duration.ofHours(-1), LimitUnit.WORKING_HOURS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void officeHoursAreConfigurable() {
        WorkingTime nineToFive = new WorkingTime(WorkingTime.DISTRICT_ZONE, OfficeHours.parse("09:00-17:00"),
                Map.<LocalDate, DayKind>of()::get);
        assertThat(nineToFive.deadline(at("2026-09-24T10:00"), TimeLimit.workingDays(3)))
                .as("without holiday data Fri, Mon, Tue").isEqualTo(at("2026-09-29T17:00"));
        assertThat(nineToFive.deadline(at("2026-03-02T16:00"), TimeLimit.workingHours(2)))
                .isEqualTo(at("2026-03-03T10:00"));
        assertThat(nineToFive.elapsed(at("2026-03-02T00:00"), at("2026-03-03T00:00"), LimitUnit.WORKING_HOURS))
                .isEqualTo(Duration.ofHours(8));
        assertThat(nineToFive.zone()).hasToString("Asia/Shanghai");
    }
}
