package cn.civicloop.partner.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the partner API (ADR 0012, ADR 0036): the agencies' systems reach {@code /api/v1/partner/**} without
 * a staff login — each call is checked in the module against the system's bearer token (401 without a valid one) —,
 * and the clients, keys, webhooks and dead letters are the system administrator's.
 */
@Configuration(proxyBeanMethods = false)
class PartnerEndpoints {

    @Bean
    EndpointOwners partnerEndpointOwners() {
        return EndpointOwners.of("partner")
                .paths("/api/v1/partner/**").open()
                .paths("/api/v1/admin/partner/**").roles(Role.ADMIN)
                .paths("/admin/partner", "/admin/partner/**").roles(Role.ADMIN)
                .build();
    }
}
