package cn.civicloop.calendar.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the calendar's endpoints (ADR 0012): admins keep the holidays and adjusted workdays.
 */
@Configuration(proxyBeanMethods = false)
class CalendarEndpoints {

    @Bean
    EndpointOwners calendarEndpointOwners() {
        return EndpointOwners.of("calendar")
                .paths("/api/v1/admin/calendar", "/api/v1/admin/calendar/**", "/admin/calendar", "/admin/calendar/**")
                        .roles(Role.ADMIN)
                .build();
    }
}
