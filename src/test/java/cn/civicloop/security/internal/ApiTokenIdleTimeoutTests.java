package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.MutableClock;

/**
 * A bearer token unused for longer than {@code civicloop.security.token-idle-timeout} (default 30 minutes) is refused
 * though its 12-hour lifetime has not run out; each use starts its idle time again. The tokens live on the shared
 * database; the clock is the test's own, so nothing else in the database is moved.
 */
class ApiTokenIdleTimeoutTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffLogins accounts;

    @Autowired
    SecurityProperties settings;

    @Test
    void theDefaultIdleTimeoutIsHalfAnHour() {
        assertThat(defaultIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aTokenIdleForLongerThanTheTimeoutIsRefusedAndEachUseKeepsItAlive() {
        MutableClock clock = new MutableClock(Instant.now());
        ApiTokens tokens = new ApiTokens(jdbc, clock, accounts, withIdleTimeout(Duration.ofMinutes(30)));
        long staffId = jdbc.sql("select id from directory_staff where username = 'dispatcher'").query(Long.class)
                .single();
        String token = tokens.issue(staffId).token();

        clock.advance(Duration.ofMinutes(29));
        assertThat(tokens.resolve(token)).as("used after 29 idle minutes").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(tokens.resolve(token)).as("58 minutes after issue, 29 after its last use").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(tokens.resolve(token)).as("31 minutes without use, 89 minutes after issue").isEmpty();
    }

    private SecurityProperties withIdleTimeout(Duration idle) {
        SecurityProperties.Guards s = settings.security();
        return new SecurityProperties(new SecurityProperties.Guards(s.maxBodySize(), s.trustedProxies(), s.rateLimit(),
                s.lockout(), s.password(), idle), settings.api());
    }

    /** What {@code civicloop.security.token-idle-timeout} is without configuration (the test profile sets 12 h). */
    private static Duration defaultIdleTimeout() {
        var binder = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        java.util.Map.of("civicloop.api.token-lifetime", "PT12H")));
        return binder.bindOrCreate("civicloop", SecurityProperties.class).security().tokenIdleTimeout();
    }
}
