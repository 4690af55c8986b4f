package cn.civicloop.calendar.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar data in memory, as an immutable map swapped whole. Reloaded at once after an edit on this
 * instance ({@link #refresh()}) and, so that edits made on another instance arrive too, when a lookup finds it
 * older than the maximum age. Only one caller reloads; the others go on with the previous map meanwhile.
 */
final class CachedDayKinds implements DayKinds {

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(CachedDayKinds.class);

    private record Snapshot(Map<LocalDate, DayKind> kinds, long loadedAt) {
    }

    private final Supplier<Map<LocalDate, DayKind>> source;
    private final LongSupplier nanoTicker;
    private final long maxAgeNanos;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot snapshot;

    /** {@code nanoTicker} is {@code System::nanoTime} in the application, a fake in tests. */
    CachedDayKinds(Supplier<Map<LocalDate, DayKind>> source, LongSupplier nanoTicker, Duration maxAge) {
        this.source = source;
        this.nanoTicker = nanoTicker;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public DayKind kindOf(LocalDate day) {
        return current().get(day);
    }

    /** Reloads now, e.g. after an admin edit; waits for a reload under way so that it sees the edit. */
    void refresh() {
        reloading.lock();
        try {
            load();
        } finally {
            reloading.unlock();
        }
    }

    private Map<LocalDate, DayKind> current() {
        Snapshot s = snapshot;
        if (s == null) {
            refreshIfStillMissing();
        } else if (nanoTicker.getAsLong() - s.loadedAt() >= maxAgeNanos && reloading.tryLock()) {
            try {
                if (snapshot == s) {
                    reloadKeepingOldOnFailure(s);
                }
            } finally {
                reloading.unlock();
            }
        }
        return snapshot.kinds();
    }

    private void refreshIfStillMissing() {
        reloading.lock();
        try {
            if (snapshot == null) {
                load();
            }
        } finally {
            reloading.unlock();
        }
    }

    private void reloadKeepingOldOnFailure(Snapshot old) {
        try {
            load();
        } catch (RuntimeException e) {
            // A database hiccup must not stop deadline arithmetic: keep the old data, try again after max age.
            log.warn("Calendar: reload failed, keeping the data loaded before: {}", e.toString());
            snapshot = new Snapshot(old.kinds(), nanoTicker.getAsLong());
        }
    }

    private void load() {
        snapshot = new Snapshot(Map.copyOf(source.get()), nanoTicker.getAsLong());
    }
}
