package cn.civicloop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Times people read are the district's, whatever zone the server runs in. */
class TimeLabelsTests {

    // 2026-12-06 08:41 UTC is 16:41 in Shanghai; the clock itself is UTC like the CI machine's
    private final TimeLabels times = new TimeLabels(Clock.fixed(Instant.parse("2026-12-06T08:41:00Z"), ZoneOffset.UTC));

    @Test
    void todayIsTheTimeAloneInShanghai() {
        assertThat(times.at(Instant.parse("2026-12-06T08:41:00Z"))).isEqualTo("16:41");
    }

    @Test
    void aMomentThatIsStillYesterdayInUtcIsTodayInShanghai() {
        // 2026-12-05 17:30 UTC = 2026-12-06 01:30 in Shanghai: the same district day as "now"
        assertThat(times.at(Instant.parse("2026-12-05T17:30:00Z"))).isEqualTo("01:30");
    }

    @Test
    void anotherDayCarriesItsDateAndAnotherYearItsYear() {
        assertThat(times.at(Instant.parse("2026-12-05T08:41:00Z"))).isEqualTo("12-05 16:41");
        // still 2025 in UTC, already 2026 (this year) in Shanghai
        assertThat(times.at(Instant.parse("2025-12-31T17:00:00Z"))).isEqualTo("01-01 01:00");
        assertThat(times.at(Instant.parse("2025-12-31T15:00:00Z"))).isEqualTo("2025-12-31 23:00");
    }

    @Test
    void fullAndDateAreInShanghaiAndNothingIsEmpty() {
        assertThat(times.full(Instant.parse("2026-12-05T17:30:00Z"))).isEqualTo("2026-12-06 01:30");
        assertThat(times.date(Instant.parse("2026-12-05T17:30:00Z"))).isEqualTo("2026-12-06");
        assertThat(times.at(null)).isEmpty();
        assertThat(times.full(null)).isEmpty();
    }
}
