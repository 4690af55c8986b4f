package cn.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MicrosecondClockTests {

    @Test
    void instantsAreCutToWholeMicrosecondsAndMillisStayReadable() {
        Clock fixed = Clock.fixed(Instant.parse("2026-12-07T03:54:29.584999600Z"), ZoneOffset.UTC);
        Clock clock = new ClockConfiguration.MicrosecondClock(fixed);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T03:54:29.584999Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-12-07T03:54:29.584Z").toEpochMilli());
        assertThat(clock.withZone(ZoneId.of("Asia/Shanghai")).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}
