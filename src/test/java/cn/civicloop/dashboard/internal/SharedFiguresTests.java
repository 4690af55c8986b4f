package cn.civicloop.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** One computation for concurrent viewers, and the previous figures served while they are refreshed. */
class SharedFiguresTests {

    private final AtomicLong nanos = new AtomicLong();
    private final SharedFigures<String, Integer> figures = new SharedFigures<>(Duration.ofSeconds(5), nanos::get);

    @Test
    void concurrentFirstViewersShareOneComputation() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService viewers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(viewers.submit(() -> figures.get("zh", k -> {
                started.countDown();
                await(release);
                return runs.incrementAndGet();
            })));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                answers.add(viewers.submit(() -> figures.get("zh", k -> runs.incrementAndGet() + 100)));
            }
            release.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(runs).hasValue(1);
        } finally {
            viewers.shutdownNow();
        }
    }

    @Test
    void whileOneViewerRefreshesTheOthersGetThePreviousFiguresAtOnce() throws Exception {
        assertThat(figures.get("zh", k -> 1)).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(figures.get("zh", k -> 2)).as("still fresh").isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> refreshed = refresher.submit(() -> figures.get("zh", k -> {
                started.countDown();
                await(release);
                return 3;
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(figures.get("zh", k -> 99)).as("the previous value, no second computation").isEqualTo(1);
            release.countDown();
            assertThat(refreshed.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(figures.get("zh", k -> 99)).isEqualTo(3);
            assertThat(figures.get("en", k -> 7)).as("each key its own figures").isEqualTo(7);
        } finally {
            refresher.shutdownNow();
        }
    }

    @Test
    void aFailedComputationIsTriedAgainByTheNextViewer() {
        assertThatThrownBy(() -> figures.get("zh", k -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");
        assertThat(figures.get("zh", k -> 5)).isEqualTo(5);
    }

    @Test
    void forgottenFiguresAreComputedAgainAndOneRunningBeforeIsNotKept() throws Exception {
        assertThat(figures.get("zh", k -> 1)).isEqualTo(1);
        figures.forget();
        assertThat(figures.get("zh", k -> 2)).as("fresh by age, but forgotten").isEqualTo(2);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> before = refresher.submit(() -> figures.get("zh", k -> {
                started.countDown();
                await(release);
                return 3;
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            figures.forget();
            assertThat(figures.get("zh", k -> 4)).as("computed anew, not the one begun before").isEqualTo(4);
            release.countDown();
            assertThat(before.get(10, TimeUnit.SECONDS)).as("its own viewer still gets it").isEqualTo(3);
            assertThat(figures.get("zh", k -> 99)).as("the later figures are kept").isEqualTo(4);
        } finally {
            refresher.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
