package cn.civicloop.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the security module. Bound at {@code civicloop} because its keys are older than the module:
 * {@code civicloop.security.*} for the guards and {@code civicloop.api.*} for the API door's tokens.
 *
 * @param security the guards in front of every door: body size, client address, rate limits, login lockout
 * @param api      the API door's bearer tokens
 */
@ConfigurationProperties("civicloop")
@Validated
public record SecurityProperties(@Valid @DefaultValue Guards security, @Valid @DefaultValue Api api) {

    /**
     * @param maxBodySize    a JSON or form body larger than this is refused with 413 from its Content-Length, before
     *                       it is parsed (multipart uploads: {@code spring.servlet.multipart.max-request-size})
     * @param trustedProxies addresses (comma-separated) whose {@code X-Forwarded-For} is believed, e.g. the district's
     *                       reverse proxy; empty: the socket's address always counts
     * @param rateLimit      per client address and instance, token buckets in memory
     * @param lockout        per pair of username and client address, counted in the database (holds on every
     *                       instance); locks only the offending client
     * @param password       the password policy, checked whenever a password is set (by its holder or a security
     *                       administrator) and at every login (expiry)
     * @param tokenIdleTimeout a bearer token not used for this long is refused (its lifetime notwithstanding); the
     *                         idle timeout of page sessions is {@code spring.session.timeout}
     */
    public record Guards(@NotNull @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("") String trustedProxies,
            @Valid @DefaultValue RateLimits rateLimit, @Valid @DefaultValue Lockout lockout,
            @Valid @DefaultValue Password password, @NotNull @DefaultValue("PT30M") Duration tokenIdleTimeout) {

        public Guards {
            if (tokenIdleTimeout != null && tokenIdleTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("civicloop.security.token-idle-timeout must be at least one minute");
            }
        }
    }

    /**
     * The password policy of staff accounts ({@code civicloop.security.password.*}). The defaults are the production
     * ones (等保2.0 三级); the published demo password is always refused as a new password.
     *
     * @param minLength        fewest characters (at most 200)
     * @param minClasses       fewest kinds of character among lower-case letters, upper-case letters, digits and
     *                         others
     * @param history          a new password may not equal any of the last {@code history} passwords, the current one
     *                         included; 0: only the length and kinds count
     * @param expiryDays       a password older than this must be changed at the next login (page: only the password
     *                         page; API: no token until changed); 0: passwords do not expire
     * @param firstLoginChange true: a password set by a security administrator (new account, reset) must be changed by
     *                         its holder at his first login
     */
    public record Password(@Min(8) @Max(200) @DefaultValue("10") int minLength,
            @Min(1) @Max(4) @DefaultValue("3") int minClasses, @Min(0) @Max(24) @DefaultValue("5") int history,
            @Min(0) @DefaultValue("90") int expiryDays, @DefaultValue("true") boolean firstLoginChange) {
    }

    /**
     * Each door: {@code capacity} requests at once, refilled at {@code capacity} per {@code period}.
     *
     * @param enabled false switches every rate limit off (the tests and the load benchmark do)
     * @param submit  {@code POST /api/v1/appeals} and {@code POST /report}
     * @param track   {@code /api/v1/public/cases/**} and the {@code /track} forms
     * @param login   {@code POST /api/v1/auth/token} and {@code POST /login}
     * @param places  the public address lookups {@code /api/v1/places/**} (geocode, suggest, reverse)
     */
    public record RateLimits(@DefaultValue("true") boolean enabled, @Valid @DefaultValue Submit submit,
            @Valid @DefaultValue Track track, @Valid @DefaultValue Login login, @Valid @DefaultValue Places places) {
    }

    /**
     * @param capacity address lookups allowed at once per address (suggestions come one per key stroke)
     * @param period   time in which they are allowed again
     */
    public record Places(@Min(1) @DefaultValue("120") int capacity, @DefaultValue("PT1M") Duration period)
            implements Limit {
    }

    /** One rate-limited door. */
    public interface Limit {

        /** Requests allowed at once. */
        int capacity();

        /** Time in which the bucket refills completely. */
        Duration period();
    }

    /**
     * @param capacity submissions allowed at once per address
     * @param period   time in which they are allowed again
     */
    public record Submit(@Min(1) @DefaultValue("10") int capacity, @DefaultValue("PT1M") Duration period)
            implements Limit {
    }

    /**
     * @param capacity tracking lookups allowed at once per address (against guessing number and code)
     * @param period   time in which they are allowed again
     */
    public record Track(@Min(1) @DefaultValue("30") int capacity, @DefaultValue("PT1M") Duration period)
            implements Limit {
    }

    /**
     * @param capacity login attempts allowed at once per address (the lockout counts per username besides)
     * @param period   time in which they are allowed again
     */
    public record Login(@Min(1) @DefaultValue("10") int capacity, @DefaultValue("PT1M") Duration period)
            implements Limit {
    }

    /**
     * @param maxFailures wrong passwords of one pair (username as typed, client address) within {@code window} that
     *                    lock that pair — not the account for other clients
     * @param window      how far back failures count
     * @param duration    how long the first lock of a pair lasts unless a security administrator lifts it; each
     *                    further lock of the same pair lasts twice as long
     * @param maxDuration the longest lock
     */
    public record Lockout(@Min(1) @DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration window,
            @DefaultValue("PT15M") Duration duration, @DefaultValue("PT24H") Duration maxDuration) {
    }

    /** @param tokenLifetime how long a bearer token from {@code POST /api/v1/auth/token} is valid */
    public record Api(@DefaultValue("PT12H") Duration tokenLifetime) {
    }
}
