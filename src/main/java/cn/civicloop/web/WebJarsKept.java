package cn.civicloop.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The WebJars (ECharts, Leaflet, htmx: over a megabyte of script) are kept by the browser for a year. Their addresses
 * name their version ({@code /webjars/echarts/5.3.1/...}), so a release that upgrades one links a new address and a
 * kept copy is never stale. Without a cache header of its own a static answer gets Spring Security's
 * {@code no-store}, and every page fetched and compiled them again. Registered before Spring Boot's configuration,
 * which then leaves the pattern alone. Our own scripts and styles stay uncached: their addresses do not change with
 * their content, and a packaged jar gives every file the same modification time, so a browser asking again would be
 * told nothing changed.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebJarsKept implements WebMvcConfigurer {

    static final Duration KEPT_FOR = Duration.ofDays(365);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(KEPT_FOR).cachePublic().immutable());
    }
}
