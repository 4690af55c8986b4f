package cn.civicloop.web;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import cn.civicloop.shared.web.RequestLanguage;

/** Chinese first, English second: {@code ?lang=en} switches and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(RequestLanguage.COOKIE);
        // Chinese unless chosen; the API also follows a client's Accept-Language
        resolver.setDefaultLocaleFunction(RequestLanguage::byDefault);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        // not on the error page: reading ?lang there would parse the body of a request refused for its size
        registry.addInterceptor(change).excludePathPatterns("/error");
    }
}
