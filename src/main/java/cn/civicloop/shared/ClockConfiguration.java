package cn.civicloop.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application so that tests can drive time (deadlines, escalations). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * {@code civicloop.clock.offset} (default zero) moves the whole application in time, for the crash test: a
     * restart "a day later" makes the timers that fell due during the downtime fire. Never set in production.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${civicloop.clock.offset:PT0S}") Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
