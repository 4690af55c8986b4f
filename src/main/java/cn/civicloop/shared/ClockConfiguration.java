package cn.civicloop.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application so that tests can drive time (deadlines, escalations). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharedProperties.class)
class ClockConfiguration {

    /**
     * {@code civicloop.clock.offset} (default zero) moves the whole application in time, see {@link SharedProperties}.
     * The clock ticks in microseconds, the precision of the database's timestamps: with the system's nanoseconds,
     * PostgreSQL rounds 12:00:00.5849996 to .585000 while the event carrying the same instant says .584, and a fact
     * rebuilt from the stored row then differs by a millisecond from the one the event gave.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(SharedProperties settings) {
        var offset = settings.clock().offset();
        Clock micros = new MicrosecondClock(Clock.systemUTC());
        return offset.isZero() ? micros : Clock.offset(micros, offset);
    }

    /** The instants of a clock cut to whole microseconds ({@code Clock.tick} below a millisecond fails in JDK 17's millis()). */
    static final class MicrosecondClock extends Clock {

        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }
    }
}
