package cn.civicloop.directory.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the directory's endpoints (ADR 0012): any member of staff reads departments and areas; the system
 * administrator edits departments; the security administrator the staff accounts and their roles.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryEndpoints {

    @Bean
    EndpointOwners directoryEndpointOwners() {
        return EndpointOwners.of("directory")
                .paths("/api/v1/directory", "/api/v1/directory/**").staff()
                .paths("/api/v1/admin/departments", "/api/v1/admin/departments/**", "/admin/departments",
                        "/admin/departments/**").roles(Role.SYSTEM_ADMIN)
                // 三员分立: accounts and roles are the security administrator's, not the system administrator's
                .paths("/api/v1/admin/staff", "/api/v1/admin/staff/**", "/admin/staff", "/admin/staff/**")
                        .roles(Role.SECURITY_ADMIN)
                .build();
    }
}
