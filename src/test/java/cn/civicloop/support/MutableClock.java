package cn.civicloop.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock the test moves by hand; shared by all the nodes a test starts. Between two moves it stands still. Whoever
 * must act on a move (a node's scheduler, see {@link Node}) is told after each one.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final List<Runnable> onMove = new CopyOnWriteArrayList<>();

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration d) {
        now = now.plus(d);
        moved();
    }

    public void set(Instant instant) {
        now = instant;
        moved();
    }

    /** Runs {@code listener} after every move from now on; the returned action stops that. */
    public Runnable onMove(Runnable listener) {
        onMove.add(listener);
        return () -> onMove.remove(listener);
    }

    private void moved() {
        onMove.forEach(Runnable::run);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
