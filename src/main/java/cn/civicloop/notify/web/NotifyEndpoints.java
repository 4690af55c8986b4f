package cn.civicloop.notify.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the notification module's endpoints (ADR 0012): every member of staff reads his own inbox.
 */
@Configuration(proxyBeanMethods = false)
class NotifyEndpoints {

    @Bean
    EndpointOwners notifyEndpointOwners() {
        return EndpointOwners.of("notify")
                .paths("/api/v1/inbox", "/api/v1/inbox/**").staff()
                .build();
    }
}
