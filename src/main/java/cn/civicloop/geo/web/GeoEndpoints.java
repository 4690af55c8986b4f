package cn.civicloop.geo.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may read the area maps (ADR 0012): anyone — boundaries are not personal data, and the residents' report page
 * draws them.
 */
@Configuration(proxyBeanMethods = false)
class GeoEndpoints {

    @Bean
    EndpointOwners geoEndpointOwners() {
        return EndpointOwners.of("geo")
                .paths("/geo/**").open()
                .build();
    }
}
