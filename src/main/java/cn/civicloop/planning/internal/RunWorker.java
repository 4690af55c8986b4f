package cn.civicloop.planning.internal;

import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.civicloop.planning.RunStatus;

/**
 * Runs one comparison at a time on this instance, on its own thread, never on a request thread. A second start while
 * one runs is refused ({@link PlanningBusy}). A watchdog looks once a second: past the time limit, or asked to stop
 * (on any instance: the request is a flag in the run's row), it interrupts the run, whose models stop at their next
 * check. Whatever happens, the run's row ends with its outcome, and the slot is free again.
 */
@Component
class RunWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    /** The run on this instance. Its fields are guarded by itself. */
    private static final class Active {
        long id;
        long deadline;
        Thread thread;
        RunStatus stopReason;
        boolean finishing;
        ScheduledFuture<?> watch;
    }

    /** One thread; the slot below, not the queue, keeps it to one run (a new run waits for the last to hand over). */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(daemon("planning-run"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("planning-watchdog"));
    private final AtomicReference<Active> active = new AtomicReference<>();
    private final RunStore store;
    private final PlanningProperties properties;
    private final Clock clock;

    RunWorker(RunStore store, PlanningProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the run and starts it; {@code work} computes, {@code toJson} writes the figures.
     *
     * @throws PlanningBusy when a run is already going on this instance
     */
    <T> long start(String requestedBy, String parameters, Supplier<T> work, Function<T, String> toJson) {
        Active slot = new Active();
        if (!active.compareAndSet(null, slot)) {
            throw new PlanningBusy(active.get() == null ? 0 : active.get().id);
        }
        try {
            store.deleteRequestedBefore(clock.instant().minus(properties.retention()));
            synchronized (slot) {
                slot.id = store.insertRunning(requestedBy, clock.instant(), parameters);
                slot.deadline = System.nanoTime() + properties.timeLimit().toNanos();
                executor.execute(() -> run(slot, work, toJson));
                slot.watch = watchdog.scheduleWithFixedDelay(() -> check(slot), 1, 1, TimeUnit.SECONDS);
                return slot.id;
            }
        } catch (RuntimeException e) {
            active.compareAndSet(slot, null);
            throw e;
        }
    }

    boolean runsHere(long id) {
        Active a = active.get();
        return a != null && a.id == id;
    }

    /** Stops the run at once if it runs on this instance (other instances see the flag in the row). */
    void stopIfHere(long id) {
        Active a = active.get();
        if (a != null && a.id == id) {
            stop(a, RunStatus.CANCELLED);
        }
    }

    private <T> void run(Active slot, Supplier<T> work, Function<T, String> toJson) {
        synchronized (slot) {
            slot.thread = Thread.currentThread();
            if (slot.stopReason != null) {
                slot.thread.interrupt();
            }
        }
        RunStatus status = RunStatus.FAILED;
        String result = null;
        String error = null;
        try {
            result = toJson.apply(work.get());
            status = RunStatus.DONE;
        } catch (CancellationException e) {
            synchronized (slot) {
                status = slot.stopReason == null ? RunStatus.CANCELLED : slot.stopReason;
            }
        } catch (RuntimeException e) {
            log.warn("planning run {} failed", slot.id, e);
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            synchronized (slot) {
                slot.finishing = true;
                if (slot.watch != null) {
                    slot.watch.cancel(false);
                }
            }
            Thread.interrupted(); // a late stop must not break the write of the outcome
            try {
                store.finish(slot.id, status, clock.instant(), result, error);
            } finally {
                active.compareAndSet(slot, null);
            }
        }
    }

    private void check(Active slot) {
        try {
            if (System.nanoTime() > slot.deadline) {
                stop(slot, RunStatus.TIMED_OUT);
            } else if (store.cancelRequested(slot.id)) {
                stop(slot, RunStatus.CANCELLED);
            }
        } catch (RuntimeException e) {
            log.warn("planning watchdog could not check run {}", slot.id, e);
        }
    }

    private static void stop(Active slot, RunStatus reason) {
        synchronized (slot) {
            if (slot.finishing || slot.stopReason != null) {
                return;
            }
            slot.stopReason = reason;
            if (slot.thread != null) {
                slot.thread.interrupt();
            }
        }
    }

    /** At shutdown the run is stopped and given a few seconds to write its outcome. */
    @Override
    public void destroy() throws InterruptedException {
        Active a = active.get();
        if (a != null) {
            stop(a, RunStatus.CANCELLED);
        }
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        watchdog.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
