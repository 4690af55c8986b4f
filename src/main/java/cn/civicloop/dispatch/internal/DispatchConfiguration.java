package cn.civicloop.dispatch.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
class DispatchConfiguration {

    @Bean
    PositionTracker positionTracker(JdbcTemplate jdbc, DispatchProperties properties) {
        return new PositionTracker(jdbc, properties.trackFlushMillis());
    }
}
