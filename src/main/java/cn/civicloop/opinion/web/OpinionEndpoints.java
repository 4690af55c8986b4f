package cn.civicloop.opinion.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call online opinion (ADR 0012): vendors push without a login, each request signed with its source's
 * secret (checked in the controller, every failure a 401); everything else is the opinion officer's, and the
 * district leader reads.
 */
@Configuration(proxyBeanMethods = false)
class OpinionEndpoints {

    @Bean
    EndpointOwners opinionEndpointOwners() {
        return EndpointOwners.of("opinion")
                .paths(HttpMethod.POST, "/api/v1/opinion/sources/*/posts").open()
                .paths(HttpMethod.GET, "/api/v1/opinion/**").roles(Role.OPINION_OFFICER, Role.LEADER)
                .paths("/api/v1/opinion/**").roles(Role.OPINION_OFFICER)
                .paths("/opinion", "/opinion/**").roles(Role.OPINION_OFFICER, Role.LEADER)
                .build();
    }
}
