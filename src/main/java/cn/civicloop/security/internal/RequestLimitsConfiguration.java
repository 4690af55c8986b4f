package cn.civicloop.security.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The size and rate limits run as servlet filters ahead of Spring Security (order -100), so an oversized or
 * too-frequent request is refused before a session, a CSRF check or a password hash costs anything.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(SecurityProperties settings,
            @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize maxMultipart,
            @Value("${civicloop.security.streamed-upload-paths:}") List<String> streamedUploadPaths) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(settings.security().maxBodySize(),
                maxMultipart, streamedUploadPaths));
        registration.setOrder(-120);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimit(SecurityProperties settings, Clock clock, ClientAddress clients) {
        SecurityProperties.RateLimits limits = settings.security().rateLimit();
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(limits, clock, clients));
        registration.setOrder(-110);
        registration.setEnabled(limits.enabled());
        return registration;
    }
}
