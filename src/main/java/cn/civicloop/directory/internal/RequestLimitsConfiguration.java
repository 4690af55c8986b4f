package cn.civicloop.directory.internal;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The size and rate limits run as servlet filters ahead of Spring Security (order -100), so an oversized or
 * too-frequent request is refused before a session, a CSRF check or a password hash costs anything.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${civicloop.security.max-body-size:1MB}") DataSize maxBody,
            @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize maxMultipart) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBody, maxMultipart));
        registration.setOrder(-120);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimit(Environment env, Clock clock, ClientAddress clients) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(env, clock, clients));
        registration.setOrder(-110);
        registration.setEnabled(env.getProperty("civicloop.security.rate-limit.enabled", Boolean.class, true));
        return registration;
    }
}
