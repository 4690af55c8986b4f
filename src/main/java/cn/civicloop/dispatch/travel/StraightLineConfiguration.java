package cn.civicloop.dispatch.travel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the straight-line settings, used with and without a road network. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StraightLineProperties.class)
class StraightLineConfiguration {
}
