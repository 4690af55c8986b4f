package cn.civicloop.calendar.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/** The calendar of the shipped holiday file with the default office hours, built without Spring. */
final class ShippedCalendar {

    private ShippedCalendar() {
    }

    static Map<LocalDate, DayKind> shippedKinds() {
        try {
            return HolidayFile.read(new ClassPathResource("calendar/holidays-cn.csv")).stream()
                    .collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkingTime calendar() {
        return new WorkingTime(WorkingTime.DISTRICT_ZONE, OfficeHours.parse(OfficeHours.DEFAULT), shippedKinds()::get);
    }

    /** A local date-time of the district, e.g. {@code at("2026-09-24T10:00")}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingTime.DISTRICT_ZONE).toInstant();
    }
}
