package cn.civicloop.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/** Transitional: the other modules' rules as SecurityConfiguration listed them, until each module declares its own. */
@Configuration(proxyBeanMethods = false)
class ModuleEndpointOwners {

    private static final Role[] CASE_ROLES = { Role.OPERATOR, Role.DISPATCHER, Role.HANDLER, Role.DEPT_HEAD, Role.LEADER };

    @Bean
    EndpointOwners transitionalEndpointOwners() {
        return EndpointOwners.of("modules")
                .paths(HttpMethod.POST, "/api/v1/appeals").open()
                .paths("/api/v1/public/**").open()
                .paths("/api/v1/dispatch/terminal", "/api/v1/dispatch/terminal/**").roles(Role.POLICE_OFFICER)
                .paths(HttpMethod.POST, "/api/v1/dispatch/**").roles(Role.POLICE_DISPATCHER)
                .paths("/api/v1/dispatch/**").roles(Role.POLICE_DISPATCHER, Role.LEADER)
                .paths("/api/v1/cases", "/api/v1/cases/**").roles(CASE_ROLES)
                .paths("/api/v1/roads/whistles/**", "/api/v1/roads/whistles")
                        .roles(Role.ROAD_CHIEF, Role.LEADER, Role.HANDLER, Role.DEPT_HEAD)
                .paths("/api/v1/roads/briefing", "/api/v1/roads/briefing.xlsx").roles(Role.ROAD_CHIEF, Role.LEADER, Role.ADMIN)
                .paths("/api/v1/roads/**").roles(Role.ROAD_CHIEF, Role.GRID_WORKER, Role.LEADER)
                .paths("/", "/track", "/track/**", "/report", "/report/**", "/geo/**").open()
                .paths("/workbench/cases/stream").roles(CASE_ROLES)
                .paths("/terminal", "/terminal/**").roles(Role.POLICE_OFFICER)
                .paths(HttpMethod.POST, "/dispatch/**").roles(Role.POLICE_DISPATCHER)
                .paths("/dispatch", "/dispatch/**").roles(Role.POLICE_DISPATCHER, Role.LEADER)
                .paths("/roads/signs", "/roads/signs/**").open()
                .paths("/roads/briefing", "/roads/briefing.xlsx").roles(Role.ROAD_CHIEF, Role.LEADER, Role.ADMIN)
                .paths("/roads/whistles", "/roads/whistles/**").roles(Role.ROAD_CHIEF, Role.LEADER, Role.HANDLER, Role.DEPT_HEAD)
                .paths("/roads", "/roads/**").roles(Role.ROAD_CHIEF, Role.GRID_WORKER, Role.LEADER)
                .build();
    }
}
