package cn.civicloop.board.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The board as served: one snapshot for every visitor, rebuilt when it is older than {@code civicloop.board.refresh}
 * by the one request that finds it so (single flight) while the others keep getting the older snapshot. Only the very
 * first requests of an instance wait for a build, and they share it. A crowd therefore costs the database one build
 * per interval. A rebuild that fails leaves the older snapshot served (the failing request gets it too) and the next
 * request tries again; a first build that fails fails its requests, and the next request tries again.
 */
@Component
@EnableConfigurationProperties(BoardProperties.class)
public class BoardCache {

    private static final Logger log = LoggerFactory.getLogger(BoardCache.class);

    private final Supplier<BoardSnapshot> builder;
    private final Duration refresh;
    private final Clock clock;
    private final AtomicReference<BoardSnapshot> current = new AtomicReference<>();
    private final ReentrantLock building = new ReentrantLock();

    @Autowired
    BoardCache(BoardReader reader, BoardProperties settings, Clock clock) {
        this(reader::build, settings.refresh(), clock);
    }

    /** A cache of what {@code builder} builds (a unit test's builder, or the reader's). */
    BoardCache(Supplier<BoardSnapshot> builder, Duration refresh, Clock clock) {
        this.builder = builder;
        this.refresh = refresh;
        this.clock = clock;
    }

    public BoardSnapshot snapshot() {
        BoardSnapshot s = current.get();
        if (s != null && fresh(s)) {
            return s;
        }
        if (s != null) {
            if (building.tryLock()) {
                try {
                    return rebuildIfStale();
                } catch (RuntimeException failed) {
                    log.warn("The board's snapshot could not be rebuilt; the one of {} is served meanwhile",
                            s.builtAt(), failed);
                    return s;
                } finally {
                    building.unlock();
                }
            }
            return s;
        }
        building.lock();
        try {
            return rebuildIfStale();
        } finally {
            building.unlock();
        }
    }

    /** How long {@code s} stays the one served (zero once stale): what a client or proxy may keep it for. */
    public Duration freshFor(BoardSnapshot s) {
        Duration left = Duration.between(clock.instant(), s.builtAt().plus(refresh));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private BoardSnapshot rebuildIfStale() {
        BoardSnapshot s = current.get();
        if (s == null || !fresh(s)) {
            s = builder.get();
            current.set(s);
        }
        return s;
    }

    private boolean fresh(BoardSnapshot s) {
        return s.builtAt().plus(refresh).isAfter(clock.instant());
    }
}
