package cn.civicloop.intake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the intake's endpoints (ADR 0012): anyone submits an appeal; the phone registration form is the
 * hotline operators' (not a police unit's terminal, not any other member of staff); confirming or correcting a
 * case's place the district centre's (operators, triage officers, 110 dispatchers).
 */
@Configuration(proxyBeanMethods = false)
class IntakeEndpoints {

    @Bean
    EndpointOwners intakeEndpointOwners() {
        return EndpointOwners.of("intake")
                .paths(HttpMethod.POST, "/api/v1/appeals").open()
                .paths("/report", "/report/**").open()
                .paths("/workbench/phone", "/workbench/phone/**").roles(Role.OPERATOR)
                .paths(HttpMethod.POST, "/api/v1/appeals/*/place", "/workbench/place/*")
                        .roles(Role.OPERATOR, Role.TRIAGE_OFFICER, Role.POLICE_DISPATCHER)
                .build();
    }
}
