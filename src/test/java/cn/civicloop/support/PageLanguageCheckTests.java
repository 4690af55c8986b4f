package cn.civicloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The page check's reading of clock times: a time that reads as now in UTC is flagged, one in Asia/Shanghai is not,
 * and the bounds of a shift are a schedule, not a reading, whatever the hour the page is read at (a shift from
 * 00:00 was flagged when a test ran at midnight UTC).
 */
class PageLanguageCheckTests {

    /** 00:03 UTC, 08:03 in Shanghai. */
    private static final Clock MIDNIGHT_UTC = Clock.fixed(Instant.parse("2026-12-08T00:03:00Z"), ZoneOffset.UTC);

    @Test
    void aTimeReadInUtcIsFlaggedAndOneInShanghaiIsNot() {
        assertThat(PageLanguageCheck.utcTimes("更新于 00:03", MIDNIGHT_UTC)).hasSize(1);
        assertThat(PageLanguageCheck.utcTimes("更新于 08:03", MIDNIGHT_UTC)).isEmpty();
        assertThat(PageLanguageCheck.utcTimes("受理 2026-12-08 00:01", MIDNIGHT_UTC)).hasSize(1);
        assertThat(PageLanguageCheck.utcTimes("受理 2026-12-08 08:01", MIDNIGHT_UTC)).isEmpty();
    }

    @Test
    void theBoundsOfAShiftAreNotAReading() {
        assertThat(PageLanguageCheck.utcTimes("班次：在班：夜班 00:00–08:00 位置", MIDNIGHT_UTC)).isEmpty();
        assertThat(PageLanguageCheck.utcTimes("Shift: night shift 23:58 - 06:00", MIDNIGHT_UTC)).isEmpty();
        assertThat(PageLanguageCheck.utcTimes("开放时间 08:00至00:05", MIDNIGHT_UTC)).isEmpty();
        assertThat(PageLanguageCheck.utcTimes("夜班 00:00–08:00，最近上报 00:02", MIDNIGHT_UTC))
                .as("a reading beside a shift").hasSize(1);
    }
}
