package cn.civicloop.media.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call media supervision (ADR 0012): the media centre owns it; leaders read; the supervised department reads
 * and answers its items (its own department's, checked by the module).
 */
@Configuration(proxyBeanMethods = false)
class MediaEndpoints {

    @Bean
    EndpointOwners mediaEndpointOwners() {
        return EndpointOwners.of("media")
                .paths(HttpMethod.POST, "/media/items/*/response", "/api/v1/media/items/*/response")
                .roles(Role.HANDLER, Role.DEPT_HEAD)
                .paths(HttpMethod.GET, "/media/items/*", "/api/v1/media/items", "/api/v1/media/items/*")
                .roles(Role.MEDIA_OFFICER, Role.LEADER, Role.HANDLER, Role.DEPT_HEAD)
                .paths(HttpMethod.GET, "/media", "/api/v1/media/alerts", "/api/v1/media/watch")
                .roles(Role.MEDIA_OFFICER, Role.LEADER)
                .paths("/media", "/media/**", "/api/v1/media/**").roles(Role.MEDIA_OFFICER)
                .build();
    }
}
