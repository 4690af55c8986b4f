package cn.civicloop.shared;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler asks this clock what time it is, so timers follow the application clock: a test that moves the
 * clock forward sees the tasks that became due fire, exactly as they would in real time.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerClockConfiguration {

    @Bean
    com.github.kagkarlsson.scheduler.Clock schedulerClock(Clock clock) {
        return new com.github.kagkarlsson.scheduler.Clock() {
            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
