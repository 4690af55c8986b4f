package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.civicloop.support.MutableClock;

/** Which address a rate limit counts, and how a bucket refills. */
class ClientAddressTests {

    private static MockHttpServletRequest from(String remote, String forwarded) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(remote);
        if (forwarded != null) {
            r.addHeader("X-Forwarded-For", forwarded);
        }
        return r;
    }

    @Test
    void aForwardedAddressIsIgnoredUnlessThePeerIsATrustedProxy() {
        ClientAddress none = new ClientAddress("");
        assertThat(none.of(from("127.0.0.1", "203.0.113.9"))).isEqualTo("127.0.0.1");

        ClientAddress proxied = new ClientAddress("10.0.0.1, 10.0.0.2");
        assertThat(proxied.of(from("192.0.2.5", "203.0.113.9"))).as("not from the proxy").isEqualTo("192.0.2.5");
        assertThat(proxied.of(from("10.0.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxied.of(from("10.0.0.1", "198.51.100.7, 203.0.113.9, 10.0.0.2")))
                .as("the right-most hop that is not our proxy; the left part is the client's to forge")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aBucketRefusesWhenEmptyAndRefillsWithTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        TokenBuckets buckets = new TokenBuckets(clock, 2, Duration.ofMinutes(1));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).as("seconds until one token is back").isEqualTo(30);
        assertThat(buckets.take("b")).as("another client").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void theContentSecurityPolicyAddsTheTileServersOriginToImages() {
        assertThat(SecurityHeaders.policy("")).contains("img-src 'self' data: blob:;").contains("script-src 'self';")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(SecurityHeaders.policy("https://tiles.example.gov.cn/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: https://tiles.example.gov.cn;");
        assertThat(SecurityHeaders.policy("http://{s}.tile.example.cn:8080/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: http://*.tile.example.cn:8080;");
    }

    @Test
    void anEmptyListOfTrustedProxiesIsWarnedAboutAtStart() {
        assertThat(ClientAddress.startupWarning(java.util.Set.of())).contains("trusted-proxies");
        assertThat(ClientAddress.startupWarning(java.util.Set.of("10.0.0.1"))).isNull();
    }
}
