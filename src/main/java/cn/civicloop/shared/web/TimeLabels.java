package cn.civicloop.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import cn.civicloop.shared.DistrictTime;

/**
 * The one way pages write a moment for people to read: always in the district's time (Asia/Shanghai), whatever the
 * server's zone, and as short as it can be without being ambiguous — the time alone today, the date with it on
 * other days, the year too when it is not this year. Templates call it as {@code ${@times.at(instant)}}; the pages'
 * scripts use {@code static/js/civic-time.js}, which follows the same rules.
 */
@Component("times")
public class TimeLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    public TimeLabels(Clock clock) {
        this.clock = clock;
    }

    /** "16:41" today, "12-05 16:41" on another day of this year, "2025-12-05 16:41" otherwise; "" for none. */
    public String at(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(DistrictTime.ZONE);
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        if (local.toLocalDate().equals(today)) {
            return TIME.format(local);
        }
        return (local.getYear() == today.getYear() ? DAY_TIME : FULL).format(local);
    }

    /** Always with the full date: "2026-12-05 16:41" (deadlines, records meant to be printed); "" for none. */
    public String full(Instant instant) {
        return instant == null ? "" : FULL.format(instant.atZone(DistrictTime.ZONE));
    }

    /** To the second, with the full date: "2026-12-05 16:41:07" (audit records); "" for none. */
    public String precise(Instant instant) {
        return instant == null ? "" : PRECISE.format(instant.atZone(DistrictTime.ZONE));
    }

    /** The district's calendar day of the moment: "2026-12-05"; "" for none. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(DistrictTime.ZONE));
    }
}
