package cn.civicloop.dispatch.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    PositionTracker positionTracker(JdbcTemplate jdbc,
            @Value("${civicloop.dispatch.track-flush-millis:1000}") long flushMillis) {
        return new PositionTracker(jdbc, flushMillis);
    }
}
