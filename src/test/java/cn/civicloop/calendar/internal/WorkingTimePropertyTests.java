package cn.civicloop.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.civicloop.calendar.LimitUnit;

/**
 * Elapsed and advance on many random instants of 2025–2028 (seeded, so a failure can be replayed), checked
 * against each other and against a slow but obviously right reference that counts office minutes one by one.
 */
class WorkingTimePropertyTests {

    private static final long SEED = 20260924L;
    private static final LocalDateTime FIRST = LocalDateTime.of(2025, 12, 1, 0, 0);
    private static final int SPAN_MINUTES = 3 * 366 * 24 * 60;

    private final WorkingTime calendar = ShippedCalendar.calendar();
    private final Random random = new Random(SEED);

    private LocalDateTime randomMinute(LocalDateTime after, int maxMinutes) {
        return after.plusMinutes(random.nextInt(maxMinutes));
    }

    private static Instant instant(LocalDateTime t) {
        return t.atZone(WorkingTime.DISTRICT_ZONE).toInstant();
    }

    /** The reference: minute by minute, a minute counts if it starts inside an office period of a working day. */
    private long officeMinutes(LocalDateTime from, LocalDateTime to) {
        long minutes = 0;
        for (LocalDateTime t = from; t.isBefore(to); t = t.plusMinutes(1)) {
            LocalTime time = t.toLocalTime();
            boolean office = !time.isBefore(LocalTime.of(8, 30)) && time.isBefore(LocalTime.of(12, 0))
                    || !time.isBefore(LocalTime.of(13, 30)) && time.isBefore(LocalTime.of(17, 30));
            if (office && calendar.isWorkingDay(t.toLocalDate())) {
                minutes++;
            }
        }
        return minutes;
    }

    @Test
    void elapsedAgreesWithCountingMinutes() {
        for (int i = 0; i < 400; i++) {
            LocalDateTime from = randomMinute(FIRST, SPAN_MINUTES);
            LocalDateTime to = randomMinute(from.minusDays(1), 40 * 24 * 60);
            Duration elapsed = calendar.elapsed(instant(from), instant(to), LimitUnit.WORKING_HOURS);
            assertThat(elapsed.toMinutes()).as("%s → %s", from, to).isEqualTo(officeMinutes(from, to));
        }
    }

    @Test
    void advanceReachesEveryInstantInsideOfficeTime() {
        LocalTime[][] periods = { { LocalTime.of(8, 30), LocalTime.of(12, 0) },
                { LocalTime.of(13, 30), LocalTime.of(17, 30) } };
        int checked = 0;
        while (checked < 5000) {
            Instant from = instant(randomMinute(FIRST, SPAN_MINUTES)).plusNanos(random.nextInt(1_000_000_000));
            LocalDate day = LocalDateTime.ofInstant(from, WorkingTime.DISTRICT_ZONE).toLocalDate()
                    .plusDays(random.nextInt(60));
            LocalTime[] period = periods[random.nextInt(2)];
            long length = Duration.between(period[0], period[1]).toNanos();
            // inside the period, its end included, its opening instant not
            LocalTime time = period[0].plusNanos(1 + (long) (random.nextDouble() * (length - 1)));
            Instant to = instant(day.atTime(random.nextInt(10) == 0 ? period[1] : time));
            if (!calendar.isWorkingDay(day) || !to.isAfter(from)) {
                continue;
            }
            for (LimitUnit unit : LimitUnit.values()) {
                Duration elapsed = calendar.elapsed(from, to, unit);
                assertThat(calendar.advance(from, elapsed, unit)).as("%s → %s in %s", from, to, unit).isEqualTo(to);
            }
            checked++;
        }
    }

    @Test
    void elapsedAfterAdvanceGivesTheAmountBack() {
        for (int i = 0; i < 5000; i++) {
            Instant from = instant(randomMinute(FIRST, SPAN_MINUTES)).plusMillis(random.nextInt(60_000));
            Duration amount = Duration.ofSeconds(random.nextInt(30 * 7 * 3600));
            for (LimitUnit unit : LimitUnit.values()) {
                Instant end = calendar.advance(from, amount, unit);
                assertThat(calendar.elapsed(from, end, unit)).as("%s + %s in %s", from, amount, unit)
                        .isEqualTo(amount);
            }
        }
    }

    @Test
    void elapsedAddsUpOverAnyIntermediateInstant() {
        for (int i = 0; i < 2000; i++) {
            LocalDateTime a = randomMinute(FIRST, SPAN_MINUTES);
            LocalDateTime b = randomMinute(a, 20 * 24 * 60);
            LocalDateTime c = randomMinute(b, 20 * 24 * 60);
            Duration whole = calendar.elapsed(instant(a), instant(c), LimitUnit.WORKING_HOURS);
            Duration parts = calendar.elapsed(instant(a), instant(b), LimitUnit.WORKING_HOURS)
                    .plus(calendar.elapsed(instant(b), instant(c), LimitUnit.WORKING_HOURS));
            assertThat(whole).as("%s / %s / %s", a, b, c).isEqualTo(parts);
        }
    }

    @Test
    void manyCallsAreCheap() {
        // not a benchmark: a guard against a per-minute loop sneaking in (that would take minutes here)
        long started = System.nanoTime();
        Instant from = instant(FIRST);
        for (int i = 0; i < 100_000; i++) {
            Instant start = from.plusSeconds(i * 613L);
            calendar.elapsed(start, calendar.advance(start, Duration.ofHours(13 * 7), LimitUnit.WORKING_DAYS),
                    LimitUnit.WORKING_DAYS);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
