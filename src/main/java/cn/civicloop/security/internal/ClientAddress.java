package cn.civicloop.security.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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

    private final Set<String> trustedProxies;

    @Autowired
    ClientAddress(SecurityProperties settings) {
        this(settings.security().trustedProxies());
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
