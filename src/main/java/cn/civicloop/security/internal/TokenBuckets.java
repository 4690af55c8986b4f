package cn.civicloop.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (here: a client address), in memory. Each instance keeps its own buckets, so behind two
 * instances without sticky routing a client gets up to twice the rate; the login lockout, which is in the
 * database, is what holds across instances.
 */
final class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int capacity;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code capacity} requests at once, refilled at {@code capacity} per {@code period}. */
    TokenBuckets(Clock clock, int capacity, Duration period) {
        this.clock = clock;
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / period.toNanos();
    }

    /** Takes one token; 0 when allowed, otherwise the seconds to wait until a token is back (at least 1). */
    long take(String key) {
        long now = nanos();
        if (buckets.size() > MAX_KEYS) {
            // a flood of distinct addresses: forget the buckets that are full again anyway
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanosToWait = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(nanosToWait / 1e9));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
                updated = now;
            }
        }
    }
}
