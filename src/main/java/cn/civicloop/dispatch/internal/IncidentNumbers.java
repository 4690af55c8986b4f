package cn.civicloop.dispatch.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.DistrictTime;

/**
 * Incident numbers {@code JQ20261126-0042}: the district's day and a per-day counter row. Counting the day's
 * incidents, as before, gave two call-takers entering at the same moment (two desks, or two instances) the same
 * number and the unique key refused the second call (issue #8). The counter row is advanced inside the entering
 * transaction, so a second entry waits for the first to commit (a few milliseconds: 110 calls come by the minute,
 * not by the millisecond) and numbers have no gaps. Unlike case numbers (ADR 0004) no separate transaction is
 * needed, and none is taken: a nested one would hold two pool connections per entry.
 */
@Component
class IncidentNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(DistrictTime.ZONE);

    private final JdbcClient jdbc;

    IncidentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run in the transaction that inserts the incident. */
    String next(Instant now) {
        String day = DAY.format(now);
        jdbc.sql("insert into dispatch_day_counter (counter_day, last_value) values (?, 0) on conflict do nothing")
                .param(day).update();
        jdbc.sql("update dispatch_day_counter set last_value = last_value + 1 where counter_day = ?").param(day)
                .update();
        long n = jdbc.sql("select last_value from dispatch_day_counter where counter_day = ?").param(day)
                .query(Long.class).single();
        return "JQ%s-%04d".formatted(day, n);
    }
}
