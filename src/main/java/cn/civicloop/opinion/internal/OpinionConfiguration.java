package cn.civicloop.opinion.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OpinionProperties.class, ResponseProperties.class})
class OpinionConfiguration {

    /** Flyway V381 (Spring Boot hands JavaMigration beans to Flyway). */
    @Bean
    static TopicDaysBackfill topicDaysBackfill() {
        return new TopicDaysBackfill();
    }
}
