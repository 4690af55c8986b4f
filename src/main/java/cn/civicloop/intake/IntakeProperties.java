package cn.civicloop.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the intake ({@code civicloop.intake.*}).
 *
 * @param placeByAddress place an appeal that gives an address and no point through the gazetteer (default true)
 */
@ConfigurationProperties("civicloop.intake")
public record IntakeProperties(@DefaultValue("true") boolean placeByAddress) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IntakeProperties.class)
    static class Binding {
    }
}
