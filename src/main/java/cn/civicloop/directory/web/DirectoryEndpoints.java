package cn.civicloop.directory.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the directory's endpoints (ADR 0012): any member of staff reads departments and areas; admins edit
 * them and the staff.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryEndpoints {

    @Bean
    EndpointOwners directoryEndpointOwners() {
        return EndpointOwners.of("directory")
                .paths("/api/v1/directory", "/api/v1/directory/**").staff()
                .paths("/api/v1/admin/departments", "/api/v1/admin/departments/**", "/api/v1/admin/staff",
                        "/api/v1/admin/staff/**", "/admin/departments", "/admin/departments/**", "/admin/staff",
                        "/admin/staff/**").roles(Role.ADMIN)
                .build();
    }
}
