package cn.civicloop.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
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
     * @param lockout        per username, any address, counted in the database (holds on every instance)
     */
    public record Guards(@NotNull @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("") String trustedProxies,
            @Valid @DefaultValue RateLimits rateLimit, @Valid @DefaultValue Lockout lockout) {
    }

    /**
     * Each door: {@code capacity} requests at once, refilled at {@code capacity} per {@code period}.
     *
     * @param enabled false switches every rate limit off (the tests and the load benchmark do)
     * @param submit  {@code POST /api/v1/appeals} and {@code POST /report}; default 10 per minute
     * @param track   {@code /api/v1/public/cases/**} and the {@code /track} forms; default 30 per minute
     * @param login   {@code POST /api/v1/auth/token} and {@code POST /login}; default 10 per minute
     */
    public record RateLimits(@DefaultValue("true") boolean enabled, @Valid Limit submit, @Valid Limit track,
            @Valid Limit login) {

        public RateLimits {
            submit = Limit.orDefault(submit, 10);
            track = Limit.orDefault(track, 30);
            login = Limit.orDefault(login, 10);
        }
    }

    /**
     * @param capacity requests allowed at once (the door's default when left out)
     * @param period   time in which the bucket refills completely; default one minute
     */
    public record Limit(@Min(1) Integer capacity, Duration period) {

        static Limit orDefault(Limit limit, int capacity) {
            return new Limit(limit == null || limit.capacity() == null ? capacity : limit.capacity(),
                    limit == null || limit.period() == null ? Duration.ofMinutes(1) : limit.period());
        }
    }

    /**
     * @param maxFailures wrong passwords within {@code window} that lock the username
     * @param window      how far back failures count
     * @param duration    how long a lock lasts unless an admin lifts it
     */
    public record Lockout(@Min(1) @DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration window,
            @DefaultValue("PT15M") Duration duration) {
    }

    /** @param tokenLifetime how long a bearer token from {@code POST /api/v1/auth/token} is valid */
    public record Api(@DefaultValue("PT12H") Duration tokenLifetime) {
    }
}
