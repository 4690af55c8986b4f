package cn.civicloop.security.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/** Owners of the security module's own endpoints: the two logins are public, the audit log and its page are the audit administrator's, locks are admins'. */
@Configuration(proxyBeanMethods = false)
class SecurityEndpoints {

    @Bean
    EndpointOwners securityEndpointOwners() {
        return EndpointOwners.of("security")
                .paths("/login").open()
                .paths(HttpMethod.POST, "/api/v1/auth/token").open()
                .paths("/api/v1/admin/audit", "/api/v1/admin/audit/**").roles(Role.AUDIT_ADMIN)
                .paths("/audit", "/audit/**").roles(Role.AUDIT_ADMIN)
                .paths("/api/v1/admin/login-locks", "/api/v1/admin/login-locks/**").roles(Role.ADMIN)
                .build();
    }
}
