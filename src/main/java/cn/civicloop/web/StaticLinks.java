package cn.civicloop.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The links of the pages are written as they are, never looked up among the static resources. Spring Boot switches on
 * its resource chain when a WebJars locator is on the classpath (springdoc brings one), and then every link a template
 * writes, static or not, is resolved against the static locations: for a link to a case or a page, which is no file,
 * that means asking every jar of the classpath, four times, on every request, and the answer (none) is not cached. It
 * was most of a page's CPU (the public board: 12 ms a page, its links three quarters of it). The pages name the WebJars
 * with their versions and the stylesheets and scripts by their paths, so the rewriting had nothing to do.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinks {

    /** A registration of the filter that is not enabled: Spring Boot then registers none of its own. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
