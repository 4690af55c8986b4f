package cn.civicloop.security.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, for rate limits and the audit log: the socket's remote address. X-Forwarded-For is a header
 * anyone can write, so it is believed only when the request comes from a proxy listed in
 * {@code civicloop.security.trusted-proxies}; then the right-most address not itself a trusted proxy counts.
 */
@Component
public class ClientAddress {

    private static final Logger log = LoggerFactory.getLogger(ClientAddress.class);

    private final Set<String> trustedProxies;

    @Autowired
    ClientAddress(SecurityProperties settings) {
        this(settings.security().trustedProxies());
        String warning = startupWarning(trustedProxies);
        if (warning != null) {
            log.warn(warning);
        }
    }

    /**
     * The warning logged at start when no proxy is trusted: right for a server that residents reach directly, wrong
     * behind a reverse proxy, where every resident would share the proxy's rate-limit bucket and the audit would
     * record the proxy's address. {@code null} when proxies are configured.
     */
    static String startupWarning(Set<String> trustedProxies) {
        return trustedProxies.isEmpty()
                ? "civicloop.security.trusted-proxies is empty: the socket's address counts for rate limits and the "
                        + "audit. Behind a reverse proxy, list the proxy's address there (docs/security.md), or every "
                        + "client shares the proxy's rate-limit bucket and the audit records the proxy"
                : null;
    }

    ClientAddress(String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return remote;
    }
}
