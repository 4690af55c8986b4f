package cn.civicloop.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The in-memory calendar data: loaded once, reloaded after an edit and when older than a minute. */
class CachedDayKindsTests {

    private static final LocalDate NATIONAL_DAY = LocalDate.of(2031, 10, 1);

    private final Map<LocalDate, DayKind> table = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000);
    private boolean databaseDown;

    private final CachedDayKinds cache = new CachedDayKinds(() -> {
        if (databaseDown) {
            throw new IllegalStateException("database down");
        }
        loads.incrementAndGet();
        return table;
    }, now::get, Duration.ofSeconds(60));

    @Test
    void loadsOnFirstUseAndThenAnswersFromMemory() {
        table.put(NATIONAL_DAY, DayKind.HOLIDAY);
        assertThat(cache.kindOf(NATIONAL_DAY)).isEqualTo(DayKind.HOLIDAY);
        assertThat(cache.kindOf(NATIONAL_DAY.plusDays(1))).isNull();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.kindOf(NATIONAL_DAY)).isEqualTo(DayKind.HOLIDAY);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aChangeInTheTableArrivesAfterAMinuteAtTheLatest() {
        cache.kindOf(NATIONAL_DAY);
        table.put(NATIONAL_DAY, DayKind.HOLIDAY); // made by another instance
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.kindOf(NATIONAL_DAY)).as("a copy, not the live table").isNull();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.kindOf(NATIONAL_DAY)).isEqualTo(DayKind.HOLIDAY);
        assertThat(loads).hasValue(2);
    }

    @Test
    void refreshReloadsAtOnce() {
        cache.kindOf(NATIONAL_DAY);
        table.put(NATIONAL_DAY, DayKind.HOLIDAY);
        cache.refresh();
        assertThat(cache.kindOf(NATIONAL_DAY)).isEqualTo(DayKind.HOLIDAY);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailedReloadKeepsTheOldDataAndRetriesAMinuteLater() {
        table.put(NATIONAL_DAY, DayKind.HOLIDAY);
        cache.kindOf(NATIONAL_DAY);
        databaseDown = true;
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(cache.kindOf(NATIONAL_DAY)).isEqualTo(DayKind.HOLIDAY);
        databaseDown = false;
        table.remove(NATIONAL_DAY);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.kindOf(NATIONAL_DAY)).as("no retry before the minute is over").isEqualTo(DayKind.HOLIDAY);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.kindOf(NATIONAL_DAY)).isNull();
    }

    @Test
    void withoutAnyDataTheFirstUseFails() {
        databaseDown = true;
        assertThatThrownBy(() -> cache.kindOf(NATIONAL_DAY)).hasMessageContaining("database down");
    }
}
