package cn.civicloop.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application so that tests can drive time (deadlines, escalations). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharedProperties.class)
class ClockConfiguration {

    /** {@code civicloop.clock.offset} (default zero) moves the whole application in time, see {@link SharedProperties}. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(SharedProperties settings) {
        var offset = settings.clock().offset();
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
