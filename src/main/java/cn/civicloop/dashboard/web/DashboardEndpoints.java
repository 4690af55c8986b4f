package cn.civicloop.dashboard.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may open the leader overview (ADR 0012): any member of staff reaches it; the module shows it to leaders,
 * operators and the district centre's dispatchers and a readable 403 page to the others.
 */
@Configuration(proxyBeanMethods = false)
class DashboardEndpoints {

    @Bean
    EndpointOwners dashboardEndpointOwners() {
        return EndpointOwners.of("dashboard")
                .paths("/dashboard", "/dashboard/**").staff()
                .build();
    }
}
