package cn.civicloop.dispatch.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.DistrictTime;

/**
 * The 四班三运转 roster as data: the table holds which crew works which shift of which day, generated some weeks
 * ahead (and extended whenever a day is asked for that is not there yet). "Who is on duty now" reads the clock.
 */
@Component
public class Roster {

    /** A shift of one day and the crew working it. */
    public record OnDuty(LocalDate date, Shift shift, String crew, Instant starts, Instant ends) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RosterGenerator generator;

    Roster(JdbcClient jdbc, Clock clock, DispatchProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.generator = new RosterGenerator(properties.rosterEpoch(), DistrictTime.ZONE);
    }

    public OnDuty now() {
        return at(clock.instant());
    }

    public OnDuty at(Instant instant) {
        ZonedDateTime local = instant.atZone(DistrictTime.ZONE);
        LocalDate date = local.toLocalDate();
        Shift shift = Shift.at(local.toLocalTime());
        return find(date, shift).orElseGet(() -> {
            ensure(date.minusDays(1), date.plusDays(28));
            return find(date, shift).orElseThrow();
        });
    }

    /** The three shifts of a day and the resting crew. */
    public List<OnDuty> day(LocalDate date) {
        return List.of(Shift.values()).stream().map(s -> at(date.atTime(s.start()).atZone(DistrictTime.ZONE).toInstant()))
                .toList();
    }

    public String restingCrew(LocalDate date) {
        return generator.restingCrew(date);
    }

    /** Writes the shifts of the days not yet in the table. */
    public synchronized void ensure(LocalDate from, LocalDate toInclusive) {
        for (RosterGenerator.Duty d : generator.duties(from, toInclusive)) {
            int n = jdbc.sql("select count(*) from dispatch_roster where duty_date = ? and shift = ?")
                    .params(Date.valueOf(d.date()), d.shift().name()).query(Integer.class).single();
            if (n == 0) {
                jdbc.sql("insert into dispatch_roster (duty_date, shift, crew, starts_at, ends_at) values (?, ?, ?, ?, ?)")
                        .params(Date.valueOf(d.date()), d.shift().name(), d.crew(), Timestamp.from(d.starts().toInstant()),
                                Timestamp.from(d.ends().toInstant())).update();
            }
        }
    }

    private java.util.Optional<OnDuty> find(LocalDate date, Shift shift) {
        return jdbc.sql("select crew, starts_at, ends_at from dispatch_roster where duty_date = ? and shift = ?")
                .params(Date.valueOf(date), shift.name())
                .query((rs, n) -> new OnDuty(date, shift, rs.getString("crew"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant())).optional();
    }
}
