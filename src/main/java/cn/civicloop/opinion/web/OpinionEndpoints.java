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
                // the parties of a linked response: each request is checked against the topic's parties
                .paths(HttpMethod.POST, "/api/v1/opinion/topics/*/response/replies",
                        "/api/v1/opinion/topics/*/response/answer", "/api/v1/opinion/topics/*/response/answer/approve",
                        "/opinion/topics/*/replies", "/opinion/topics/*/answer", "/opinion/topics/*/answer/approve")
                .roles(Role.HANDLER, Role.DEPT_HEAD)
                .paths(HttpMethod.GET, "/api/v1/opinion/tasks", "/opinion/tasks").roles(Role.HANDLER, Role.DEPT_HEAD)
                .paths(HttpMethod.GET, "/api/v1/opinion/topics/*/response", "/api/v1/opinion/topics/*/cases",
                        "/api/v1/opinion/topics/*/posts", "/opinion/topics/*")
                .roles(Role.OPINION_OFFICER, Role.LEADER, Role.HANDLER, Role.DEPT_HEAD)
                .paths(HttpMethod.GET, "/api/v1/opinion/**").roles(Role.OPINION_OFFICER, Role.LEADER)
                .paths("/api/v1/opinion/**").roles(Role.OPINION_OFFICER)
                .paths(HttpMethod.POST, "/opinion/**").roles(Role.OPINION_OFFICER)
                .paths("/opinion", "/opinion/**").roles(Role.OPINION_OFFICER, Role.LEADER)
                .build();
    }
}
