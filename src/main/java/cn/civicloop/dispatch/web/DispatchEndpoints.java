package cn.civicloop.dispatch.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the 110 endpoints (ADR 0012): the unit terminals; the desk acts; the desk and leaders read. The
 * module refuses a leader's write and a unit's reach into another unit's orders.
 */
@Configuration(proxyBeanMethods = false)
class DispatchEndpoints {

    @Bean
    EndpointOwners dispatchEndpointOwners() {
        return EndpointOwners.of("dispatch")
                .paths("/api/v1/dispatch/terminal", "/api/v1/dispatch/terminal/**", "/terminal", "/terminal/**")
                        .roles(Role.POLICE_OFFICER)
                .paths(HttpMethod.POST, "/api/v1/dispatch/**", "/dispatch/**").roles(Role.POLICE_DISPATCHER)
                .paths("/api/v1/dispatch/**", "/dispatch", "/dispatch/**").roles(Role.POLICE_DISPATCHER, Role.LEADER)
                .build();
    }
}
