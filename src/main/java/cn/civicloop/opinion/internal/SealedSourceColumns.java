package cn.civicloop.opinion.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.SealedColumns;

/** A push source's secret is sealed at rest with the personal-data cipher; older rows are sealed by the batch. */
@Configuration(proxyBeanMethods = false)
class SealedSourceColumns {

    @Bean
    SealedColumns opinionSourceSealed() {
        return new SealedColumns("opinion_source", "id", List.of("push_secret"), Map.of());
    }
}
