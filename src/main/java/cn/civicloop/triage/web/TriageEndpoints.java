package cn.civicloop.triage.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the triage module's endpoints (ADR 0012): staff (the module answers only operators, dispatchers and
 * leaders, and an empty fragment to the others); admins keep the routing catalogue.
 */
@Configuration(proxyBeanMethods = false)
class TriageEndpoints {

    @Bean
    EndpointOwners triageEndpointOwners() {
        return EndpointOwners.of("triage")
                .paths("/api/v1/triage", "/api/v1/triage/**", "/workbench/triage", "/workbench/triage/**").staff()
                .paths("/api/v1/admin/routing", "/api/v1/admin/routing/**", "/admin/routing", "/admin/routing/**")
                        .roles(Role.ADMIN)
                .build();
    }
}
