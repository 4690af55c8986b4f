package cn.civicloop.places.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code civicloop.places.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlacesProperties.class)
class PlacesConfiguration {
}
