package cn.civicloop.security.internal;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Refusals by Tomcat itself. Tomcat answers a URL with an encoded slash ({@code %2F}, e.g. a case number typed as "a/b") with its own HTML
 * error page, before the application sees it. Passed through, the Spring Security firewall refuses it instead,
 * with a 400 problem document (see SecurityConfiguration#requestRejectedHandler).
 */
@Configuration(proxyBeanMethods = false)
class TomcatRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        // and what Tomcat still refuses itself gets a problem document, not Tomcat's HTML page
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
