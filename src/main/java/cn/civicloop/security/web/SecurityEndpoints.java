package cn.civicloop.security.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Owners of the security module's own endpoints: the logins and the password change by password are public, one's
 * own password page is any staff member's, the audit log the audit administrator's, the login locks the security
 * administrator's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityEndpoints {

    @Bean
    EndpointOwners securityEndpointOwners() {
        return EndpointOwners.of("security")
                .paths("/login").open()
                .paths(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password").open()
                .paths("/account/password", "/account/totp").staff()
                // the second step of a login: reachable by a login that owes its code (the page checks that itself)
                .paths("/login/totp").open()
                // 三员分立: the audit administrator reads and verifies the audit; the security administrator unlocks
                .paths("/api/v1/admin/audit", "/api/v1/admin/audit/**").roles(Role.AUDIT_ADMIN)
                .paths("/audit", "/audit/**").roles(Role.AUDIT_ADMIN)
                .paths("/api/v1/admin/login-locks", "/api/v1/admin/login-locks/**").roles(Role.SECURITY_ADMIN)
                .build();
    }
}
