package cn.civicloop.board.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.civicloop.support.MutableClock;

/**
 * The board's single-flight snapshot cache on its own: concurrent first viewers share one build, the older snapshot
 * is served while one request rebuilds it, and a failed build is tried again by the next request.
 */
class BoardCacheTests {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final ExecutorService viewers = Executors.newFixedThreadPool(8);

    /** Builds snapshots stamped with the clock, counting builds; a build waits while {@link #gate} is closed. */
    private final class Builder implements Supplier<BoardSnapshot> {
        final AtomicInteger builds = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile RuntimeException failure;

        @Override
        public BoardSnapshot get() {
            builds.incrementAndGet();
            entered.countDown();
            try {
                assertThat(gate.await(20, TimeUnit.SECONDS)).as("the test opens the gate").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RuntimeException f = failure;
            if (f != null) {
                failure = null;
                throw f;
            }
            return new BoardSnapshot(clock.instant(), List.of(), null, List.of(), List.of(), List.of());
        }
    }

    @AfterEach
    void stop() {
        viewers.shutdownNow();
    }

    @Test
    void concurrentFirstViewersShareOneBuild() throws Exception {
        Builder builder = new Builder();
        builder.gate = new CountDownLatch(1);
        BoardCache cache = new BoardCache(builder, REFRESH, clock);
        List<Future<BoardSnapshot>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(viewers.submit(cache::snapshot));
        }
        assertThat(builder.entered.await(20, TimeUnit.SECONDS)).isTrue();
        builder.gate.countDown();
        BoardSnapshot first = answers.get(0).get(20, TimeUnit.SECONDS);
        for (Future<BoardSnapshot> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(builder.builds).as("one computation for all the first viewers").hasValue(1);
        assertThat(cache.snapshot()).as("fresh: served from memory").isSameAs(first);
        assertThat(builder.builds).hasValue(1);
    }

    @Test
    void theOlderSnapshotIsServedWhileOneRequestRebuildsIt() throws Exception {
        Builder builder = new Builder();
        BoardCache cache = new BoardCache(builder, REFRESH, clock);
        BoardSnapshot old = cache.snapshot();
        clock.advance(REFRESH.plusSeconds(1));

        CountDownLatch rebuilding = new CountDownLatch(1);
        Builder slow = builder;
        slow.gate = new CountDownLatch(1);
        Future<BoardSnapshot> rebuilder = viewers.submit(() -> {
            rebuilding.countDown();
            return cache.snapshot();
        });
        assertThat(rebuilding.await(20, TimeUnit.SECONDS)).isTrue();
        // wait for the positive signal that the rebuild has started (the second build entered the builder)
        awaitBuilds(builder, 2);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.snapshot()).as("others do not wait for the rebuild").isSameAs(old);
        }
        assertThat(builder.builds).as("no second rebuild meanwhile").hasValue(2);
        slow.gate.countDown();
        BoardSnapshot rebuilt = rebuilder.get(20, TimeUnit.SECONDS);
        assertThat(rebuilt).isNotSameAs(old);
        assertThat(rebuilt.builtAt()).isEqualTo(clock.instant());
        assertThat(cache.snapshot()).isSameAs(rebuilt);
        assertThat(builder.builds).hasValue(2);
    }

    @Test
    void aFailedFirstBuildIsTriedAgainByTheNextRequest() {
        Builder builder = new Builder();
        builder.failure = new IllegalStateException("database down");
        BoardCache cache = new BoardCache(builder, REFRESH, clock);
        assertThatThrownBy(cache::snapshot).hasMessageContaining("database down");
        BoardSnapshot built = cache.snapshot();
        assertThat(built).isNotNull();
        assertThat(builder.builds).hasValue(2);
        assertThat(cache.snapshot()).isSameAs(built);
    }

    @Test
    void aFailedRebuildServesTheOlderSnapshotAndIsTriedAgain() {
        Builder builder = new Builder();
        BoardCache cache = new BoardCache(builder, REFRESH, clock);
        BoardSnapshot old = cache.snapshot();
        clock.advance(REFRESH.plusSeconds(1));
        builder.failure = new IllegalStateException("database down");
        assertThat(cache.snapshot()).as("the request that tried gets the older snapshot").isSameAs(old);
        assertThat(builder.builds).hasValue(2);
        BoardSnapshot rebuilt = cache.snapshot();
        assertThat(builder.builds).as("the next request tried again").hasValue(3);
        assertThat(rebuilt).isNotSameAs(old);
        assertThat(rebuilt.builtAt()).isEqualTo(clock.instant());
    }

    private static void awaitBuilds(Builder builder, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (builder.builds.get() < n) {
            assertThat(System.nanoTime()).as("waiting for build " + n).isLessThan(end);
            Thread.yield();
        }
    }
}
