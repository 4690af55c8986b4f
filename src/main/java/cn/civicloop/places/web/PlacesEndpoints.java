package cn.civicloop.places.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the gazetteer's endpoints (ADR 0012): geocoding, suggestions and reverse geocoding anyone — the
 * residents' report page uses them without a login, rate-limited like the intake — the import, export and history
 * the administrators.
 */
@Configuration(proxyBeanMethods = false)
class PlacesEndpoints {

    @Bean
    EndpointOwners placesEndpointOwners() {
        return EndpointOwners.of("places")
                .paths("/api/v1/places/**").open()
                .paths("/api/v1/admin/places", "/api/v1/admin/places/**", "/admin/places", "/admin/places/**")
                        .roles(Role.ADMIN)
                .build();
    }
}
