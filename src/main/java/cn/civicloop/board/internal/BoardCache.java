package cn.civicloop.board.internal;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The board as served: one snapshot for every visitor, rebuilt when it is older than {@code civicloop.board.refresh}
 * by the one request that finds it so (single flight) while the others keep getting the older snapshot. Only the very
 * first request of an instance waits for a build. A crowd therefore costs the database one build per interval.
 */
@Component
@EnableConfigurationProperties(BoardProperties.class)
public class BoardCache {

    private final BoardReader reader;
    private final BoardProperties settings;
    private final Clock clock;
    private final AtomicReference<BoardSnapshot> current = new AtomicReference<>();
    private final ReentrantLock building = new ReentrantLock();

    BoardCache(BoardReader reader, BoardProperties settings, Clock clock) {
        this.reader = reader;
        this.settings = settings;
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

    private BoardSnapshot rebuildIfStale() {
        BoardSnapshot s = current.get();
        if (s == null || !fresh(s)) {
            s = reader.build();
            current.set(s);
        }
        return s;
    }

    private boolean fresh(BoardSnapshot s) {
        return s.builtAt().plus(settings.refresh()).isAfter(clock.instant());
    }
}
