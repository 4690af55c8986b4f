package cn.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReferenceCacheTests {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofSeconds(10), nanos::get);

    private String load(String key) {
        loads.incrementAndGet();
        return key.equals("missing") ? null : key + "#" + loads.get();
    }

    @Test
    void servesFromMemoryWithinTheTimeToLiveAndReloadsAfter() {
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        nanos.set(Duration.ofSeconds(9).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        nanos.set(Duration.ofSeconds(10).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void cachesAbsenceAndForgetsEverythingOnClear() {
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(loads).hasValue(1);
        cache.get("b", this::load);
        cache.clear();
        assertThat(cache.get("b", this::load)).isEqualTo("b#3");
    }
}
