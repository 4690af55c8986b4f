package cn.civicloop.security.internal;

import java.net.URI;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.SharedProperties;

/**
 * The headers on every response, pages, API and static files alike. The Content-Security-Policy allows scripts
 * only from our own origin (no inline script, no on*= handlers: all JS lives in static/js). Styles allow
 * 'unsafe-inline' because the WebJars we use write style attributes into markup (ECharts tooltips, htmx's
 * indicator style element); a style cannot run code. Images allow data: and blob: for Leaflet, plus the origin of
 * the district's own tile server when {@code civicloop.map.tile-url} is set.
 */
@Component
class SecurityHeaders {

    private final String policy;

    SecurityHeaders(SharedProperties settings) {
        this.policy = policy(settings.map().tileUrl());
    }

    static String policy(String tileUrl) {
        String tiles = tileOrigin(tileUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + (tiles.isEmpty() ? "" : " " + tiles)
                + "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** {@code https://{s}.tiles.example.cn/{z}/{x}/{y}.png} → {@code https://*.tiles.example.cn}. */
    static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        String url = tileUrl.strip().replace("{s}", "subdomain-wildcard");
        URI uri = URI.create(url.replaceAll("\\{[a-z]+}", "0"));
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("civicloop.map.tile-url must be an absolute http(s) URL: " + tileUrl);
        }
        String host = uri.getHost().replace("subdomain-wildcard", "*");
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    String policy() {
        return policy;
    }

    void apply(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
