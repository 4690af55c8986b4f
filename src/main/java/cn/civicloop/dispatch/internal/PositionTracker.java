package cn.civicloop.dispatch.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.civicloop.geo.GeoPoint;

/**
 * GPS fixes from the field terminals. A report only touches memory (latest fix per unit, and a queue); a background
 * thread writes the queue to the track table and the latest fixes to the units in JDBC batches, so thousands of
 * reports a second cost a few transactions, not one each. A crash loses at most the last flush interval of track.
 */
public class PositionTracker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PositionTracker.class);

    /** One position report. */
    public record Fix(String unitCode, GeoPoint position, Instant at) {
    }

    private final Map<String, Fix> latest = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Fix> pending = new ConcurrentLinkedQueue<>();
    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService flusher;

    public PositionTracker(JdbcTemplate jdbc, long flushMillis) {
        this.jdbc = jdbc;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dispatch-track-flush");
            t.setDaemon(true);
            return t;
        });
        if (flushMillis > 0) {
            flusher.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Absorbs one report; an older fix than the one known does not replace it (terminals resend after a gap). */
    public void report(Fix fix) {
        latest.merge(fix.unitCode(), fix, (old, now) -> now.at().isBefore(old.at()) ? old : now);
        pending.add(fix);
    }

    public Optional<Fix> latest(String unitCode) {
        return Optional.ofNullable(latest.get(unitCode));
    }

    /** Writes what is queued; returns the number of track rows written. */
    public synchronized int flush() {
        List<Object[]> rows = new ArrayList<>();
        Map<String, Fix> newest = new java.util.HashMap<>();
        for (Fix f; (f = pending.poll()) != null;) {
            rows.add(new Object[] {f.unitCode(), f.position().lat(), f.position().lon(), Timestamp.from(f.at())});
            newest.merge(f.unitCode(), f, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        if (rows.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("insert into dispatch_track (unit_code, lat, lon, fix_at) values (?, ?, ?, ?)", rows);
        List<Object[]> units = newest.values().stream().map(f -> new Object[] {f.position().lat(), f.position().lon(),
                Timestamp.from(f.at()), f.unitCode(), Timestamp.from(f.at())}).toList();
        jdbc.batchUpdate("update dispatch_unit set last_lat = ?, last_lon = ?, last_fix_at = ? where code = ? "
                + "and (last_fix_at is null or last_fix_at <= ?)", units);
        return rows.size();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Writing the GPS track failed; this batch of track points is dropped: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        flusher.shutdownNow();
        flushQuietly();
    }
}
