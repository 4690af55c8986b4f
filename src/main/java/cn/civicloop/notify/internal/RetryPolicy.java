package cn.civicloop.notify.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed message again: growing pauses (by default 1 min, 5 min, 30 min) so that a gateway that is
 * down for a while is not hammered, and a limit after which the message is given up and kept as FAILED.
 */
record RetryPolicy(List<Duration> backoff, int maxAttempts) {

    RetryPolicy {
        if (backoff.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("retry backoff needs at least one pause and one attempt");
        }
        backoff = List.copyOf(backoff);
    }

    static RetryPolicy of(NotifyProperties properties) {
        return new RetryPolicy(properties.retryBackoff(), properties.maxAttempts());
    }

    /** The pause after {@code failedAttempts} failures, or empty when the message should be given up. */
    Optional<Duration> pauseAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(backoff.get(Math.min(failedAttempts, backoff.size()) - 1));
    }
}
