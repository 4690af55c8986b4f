package cn.civicloop.roads.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the road chiefs' endpoints (ADR 0012): chiefs, grid workers and leaders; whistles also the named
 * departments' staff, the briefing also admins; the public signs anyone. The module checks levels, squads, holders
 * and departments.
 */
@Configuration(proxyBeanMethods = false)
class RoadEndpoints {

    @Bean
    EndpointOwners roadsEndpointOwners() {
        Role[] whistleRoles = { Role.ROAD_CHIEF, Role.LEADER, Role.HANDLER, Role.DEPT_HEAD };
        return EndpointOwners.of("roads")
                .paths("/roads/signs", "/roads/signs/**").open()
                .paths("/api/v1/roads/whistles", "/api/v1/roads/whistles/**", "/roads/whistles", "/roads/whistles/**")
                        .roles(whistleRoles)
                .paths("/api/v1/roads/briefing", "/api/v1/roads/briefing.xlsx", "/roads/briefing", "/roads/briefing.xlsx")
                        .roles(Role.ROAD_CHIEF, Role.LEADER, Role.ADMIN)
                .paths("/api/v1/roads/**", "/roads", "/roads/**").roles(Role.ROAD_CHIEF, Role.GRID_WORKER, Role.LEADER)
                .paths("/api/v1/admin/roads", "/api/v1/admin/roads/**").roles(Role.ADMIN)
                .build();
    }
}
