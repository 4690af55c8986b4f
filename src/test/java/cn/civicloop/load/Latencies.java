package cn.civicloop.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies of one kind of request, in microseconds, kept whole (a run has at most some 100,000 of them). */
final class Latencies {

    private final String name;
    private final AtomicLongArray micros;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile long firstNanos = Long.MAX_VALUE;
    private volatile long lastNanos;

    Latencies(String name, int capacity) {
        this.name = name;
        this.micros = new AtomicLongArray(capacity);
    }

    void record(long startNanos, long endNanos, boolean ok) {
        if (!ok) {
            errors.incrementAndGet();
        }
        int i = count.getAndIncrement();
        if (i < micros.length()) {
            micros.set(i, (endNanos - startNanos) / 1_000);
        }
        synchronized (this) {
            firstNanos = Math.min(firstNanos, startNanos);
            lastNanos = Math.max(lastNanos, endNanos);
        }
    }

    int count() {
        return Math.min(count.get(), micros.length());
    }

    int errors() {
        return errors.get();
    }

    double perSecond() {
        return count() / seconds();
    }

    /** From the first request's start to the last answer. */
    double seconds() {
        return (lastNanos - firstNanos) / 1e9;
    }

    String summary() {
        int n = count();
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = micros.get(i);
        }
        Arrays.sort(sorted);
        return "%-22s n=%6d  errors=%4d  %8.1f/s  p50=%7.1f ms  p95=%7.1f ms  p99=%7.1f ms  max=%7.1f ms".formatted(
                name, n, errors(), perSecond(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                n == 0 ? 0 : sorted[n - 1] / 1000.0);
    }

    /** The {@code p}-th percentile in milliseconds. */
    double percentile(double p) {
        int n = count();
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = micros.get(i);
        }
        Arrays.sort(sorted);
        return pct(sorted, p);
    }

    double p99() {
        int n = count();
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = micros.get(i);
        }
        Arrays.sort(sorted);
        return pct(sorted, 99);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1000.0;
    }
}
