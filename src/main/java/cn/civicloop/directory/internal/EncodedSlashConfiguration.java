package cn.civicloop.directory.internal;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers a URL with an encoded slash ({@code %2F}, e.g. a case number typed as "a/b") with its own HTML
 * error page, before the application sees it. Passed through, the Spring Security firewall refuses it instead,
 * with a 400 problem document (see SecurityConfiguration#requestRejectedHandler).
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
