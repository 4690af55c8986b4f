package cn.civicloop.roads.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.SealedColumns;

/** Road chiefs' phones are staff phones, sealed at rest (an area's supervision line is published, not sealed). */
@Configuration(proxyBeanMethods = false)
class SealedChiefColumns {

    @Bean
    SealedColumns roadsChiefSealed() {
        return new SealedColumns("roads_chief", "id", List.of("phone"), Map.of());
    }
}
