package cn.civicloop.dashboard.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Figures computed once for every concurrent viewer (single flight) and served while they are refreshed. With a
 * plain expiring cache, once a computation took longer than the cache's life every viewer computed it again at the
 * same time (4 leaders at 1,000,000 cases: 6.3 s each). Here at most one computation per key runs at a time; a
 * viewer who comes while it runs gets the previous value at once, and only the very first viewers of a key wait
 * for it. The viewer who finds the value older than {@code maxAge} computes the next one in his own request.
 */
final class SharedFigures<K, V> {

    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();

    SharedFigures(Duration maxAge) {
        this(maxAge, System::nanoTime);
    }

    SharedFigures(Duration maxAge, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    private static final class Slot<V> {
        V value;
        long computedAt;
        CompletableFuture<V> inFlight;
    }

    V get(K key, Function<K, V> compute) {
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        CompletableFuture<V> mine;
        CompletableFuture<V> theirs = null;
        synchronized (slot) {
            if (slot.value != null && nanoTime.getAsLong() - slot.computedAt < maxAgeNanos) {
                return slot.value;
            }
            if (slot.inFlight != null && slot.value != null) {
                return slot.value; // being refreshed by another viewer: the previous figures meanwhile
            }
            if (slot.inFlight != null) {
                theirs = slot.inFlight;
                mine = null;
            } else {
                mine = new CompletableFuture<>();
                slot.inFlight = mine;
            }
        }
        if (theirs != null) {
            return join(theirs); // the first figures of this key: wait for the one computation (outside the lock)
        }
        try {
            V value = compute.apply(key);
            synchronized (slot) {
                if (slot.inFlight == mine) { // not forgotten meanwhile
                    slot.value = value;
                    slot.computedAt = nanoTime.getAsLong();
                    slot.inFlight = null;
                }
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (slot) {
                if (slot.inFlight == mine) {
                    slot.inFlight = null;
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Figures computed so far, or being computed now, are not served again: the next viewer of each key computes
     * anew and waits for it (a computation still running completes for its own waiters only).
     */
    void forget() {
        slots.values().forEach(slot -> {
            synchronized (slot) {
                slot.value = null;
                slot.inFlight = null;
            }
        });
    }

    private static <V> V join(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
