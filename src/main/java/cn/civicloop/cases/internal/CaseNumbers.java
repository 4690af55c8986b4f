package cn.civicloop.cases.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.DistrictTime;

/**
 * Human-readable case numbers: {@code SZ-20261125-000123} = district prefix, the district's calendar day and a
 * per-day counter. The counter row is locked by the increment until the intake transaction ends, so numbers
 * are unique across instances and have no gaps from rolled-back submissions.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(DistrictTime.ZONE);

    private final JdbcClient jdbc;
    private final String prefix;

    CaseNumbers(JdbcClient jdbc, @Value("${civicloop.case-number-prefix:SZ}") String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    /** Must run inside the transaction that inserts the case. */
    String next(Instant now) {
        String day = DAY.format(now);
        jdbc.sql("insert into cases_day_counter (counter_day, last_value) values (?, 0) on conflict do nothing")
                .param(day).update();
        jdbc.sql("update cases_day_counter set last_value = last_value + 1 where counter_day = ?").param(day).update();
        long value = jdbc.sql("select last_value from cases_day_counter where counter_day = ?").param(day)
                .query(Long.class).single();
        return "%s-%s-%06d".formatted(prefix, day, value);
    }
}
