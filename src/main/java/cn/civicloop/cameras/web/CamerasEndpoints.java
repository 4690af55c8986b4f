package cn.civicloop.cameras.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call video linkage (ADR 0012, ADR 0044): the system administrator keeps the camera registry (import,
 * export, status, history); the staff who work on cases, topics and incidents read the nearest cameras and request
 * footage; the video centre's staff (handlers of the video-centre department, checked by the module) answer.
 */
@Configuration(proxyBeanMethods = false)
class CamerasEndpoints {

    static final Role[] PANEL = { Role.OPERATOR, Role.TRIAGE_OFFICER, Role.LEADER, Role.HANDLER, Role.DEPT_HEAD,
            Role.OPINION_OFFICER, Role.POLICE_DISPATCHER };

    @Bean
    EndpointOwners camerasEndpointOwners() {
        return EndpointOwners.of("cameras")
                .paths(HttpMethod.POST, "/cameras/footage/*/answer", "/api/v1/cameras/footage/*/answer")
                .roles(Role.HANDLER, Role.DEPT_HEAD)
                .paths("/cameras/panel", "/cameras/panel/**", "/cameras/footage", "/cameras/footage/**",
                        "/api/v1/cameras/nearest", "/api/v1/cameras/footage", "/api/v1/cameras/footage/**")
                .roles(PANEL)
                .paths("/cameras", "/cameras/**", "/api/v1/cameras", "/api/v1/cameras/**").roles(Role.ADMIN)
                .build();
    }
}
