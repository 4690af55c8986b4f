package cn.civicloop.planning.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may use deployment planning (ADR 0012): the police command — the 110 desk and the district leaders — reads
 * and runs comparisons. A run changes no incident, unit or case and shows nothing those roles do not already see on
 * the command map.
 */
@Configuration(proxyBeanMethods = false)
class PlanningEndpoints {

    @Bean
    EndpointOwners planningEndpointOwners() {
        return EndpointOwners.of("planning")
                .paths("/api/v1/planning/**", "/planning", "/planning/**").roles(Role.POLICE_DISPATCHER, Role.LEADER)
                .build();
    }
}
