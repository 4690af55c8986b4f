package cn.civicloop.shared;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reference data (time limits, the escalation ladder, departments, the routing catalogue) read on every intake but
 * changed a few times a year by an admin: kept in memory for a short time instead of read from the database per
 * appeal (issue #8: it was a third of the intake transaction's statements).
 * <p>
 * An admin change through this instance takes effect at once ({@link #clear()} after the write); another instance
 * of a cluster sees it after at most the time-to-live. That is the price of not asking the database every time, and
 * it is acceptable for data an admin changes knowingly (README, "Two instances"). Absent values are cached too.
 *
 * @param <K> key
 * @param <V> value, may be {@code null}
 */
public final class ReferenceCache<K, V> {

    /** How long another instance may lag behind an admin change. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

    private record Entry<V>(V value, long loadedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public ReferenceCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    ReferenceCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The cached value, or {@code load}'s answer when there is none or it is older than the time-to-live. */
    public V get(K key, Function<K, V> load) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        // Loaded outside any lock: two threads may load the same key at once, which costs a query, not correctness.
        V value = load.apply(key);
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    /** Forgets everything; call after this instance changed the data. */
    public void clear() {
        entries.clear();
    }
}
