package cn.civicloop.open311.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the Open311 server (ADR 0012, ADR 0023): anyone reaches the GeoReport resources — the spec's reads
 * are public, and its writes are checked against the client's api_key in the controller, not against a login;
 * the clients and their keys are the system administrator's.
 */
@Configuration(proxyBeanMethods = false)
class Open311Endpoints {

    @Bean
    EndpointOwners open311EndpointOwners() {
        return EndpointOwners.of("open311")
                .paths("/open311/v2/**").open()
                .paths("/api/v1/admin/open311/**").roles(Role.ADMIN)
                .paths("/admin/open311", "/admin/open311/**").roles(Role.ADMIN)
                .build();
    }
}
