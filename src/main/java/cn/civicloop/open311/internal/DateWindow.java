package cn.civicloop.open311.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.InvalidInputException;

/**
 * The span of start_date/end_date: at most 90 days, the most recent 90 days when neither is given, 90 days from
 * the one given otherwise. Both ends are included, as the spec says; {@code to} is exclusive for the query.
 */
record DateWindow(Instant from, Instant to) {

    static final Duration LIMIT = Duration.ofDays(90);

    static DateWindow of(String start, String end, Clock clock, Labels labels) {
        Instant s = parse("start_date", start, labels);
        Instant e = parse("end_date", end, labels);
        if (s == null && e == null) {
            e = clock.instant();
        }
        if (s == null) {
            s = e.minus(LIMIT);
        }
        if (e == null) {
            e = s.plus(LIMIT);
        }
        if (e.isBefore(s)) {
            throw new InvalidInputException("end_date", labels.get("open311.error.date.order"));
        }
        if (Duration.between(s, e).compareTo(LIMIT) > 0) {
            throw new InvalidInputException("end_date", labels.get("open311.error.date.span"));
        }
        return new DateWindow(s, e.plusNanos(1000));
    }

    /** A w3 date-time with its offset (Z or ±hh:mm); a bare date is midnight in the district. */
    static Instant parse(String field, String value, Labels labels) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(DistrictTime.ZONE).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidInputException(field, labels.get("open311.error.date.format", field));
            }
        }
    }
}
