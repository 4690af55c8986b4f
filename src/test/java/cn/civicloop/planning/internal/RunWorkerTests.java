package cn.civicloop.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.planning.PlanningRuns;
import cn.civicloop.planning.RunStatus;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;

/**
 * The run worker: one run at a time per instance, stopped when cancelled here or — through the run's row — from
 * another instance, stopped at the time limit, and a failure recorded; the slot is free again afterwards.
 */
class RunWorkerTests extends ApiTest {

    private static final String PARAMETERS = "{\"source\":\"GENERATED\",\"callsPerHour\":1.0,\"days\":1}";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    RunWorker worker;

    @Autowired
    RunStore store;

    @Autowired
    PlanningProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    PlanningRuns runs;

    /** Work that runs until its thread is interrupted, as the models do. */
    private static Supplier<String> untilInterrupted(CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                throw new CancellationException("interrupted");
            }
            return "never";
        };
    }

    private RunStatus awaitFinished(long id) {
        Node.await(WAIT, "run " + id + " finished", () -> store.get(id).orElseThrow().status().finished());
        return store.get(id).orElseThrow().status();
    }

    @Test
    void oneRunAtATimeAndACancelHereStopsIt() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        long id = worker.start("leader", PARAMETERS, untilInterrupted(started), x -> x);
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(worker.runsHere(id)).isTrue();

        assertThatThrownBy(() -> worker.start("police-desk", PARAMETERS, () -> "x", x -> x))
                .isInstanceOf(ConflictException.class);

        assertThat(store.requestCancel(id, "police-desk")).isTrue();
        worker.stopIfHere(id);
        assertThat(awaitFinished(id)).isEqualTo(RunStatus.CANCELLED);
        assertThat(store.get(id).orElseThrow().cancelledBy()).isEqualTo("police-desk");
        Node.await(WAIT, "the slot is free", () -> !worker.runsHere(id));

        long next = worker.start("leader", PARAMETERS, () -> "{}", x -> x);
        assertThat(awaitFinished(next)).isEqualTo(RunStatus.DONE);
        assertThat(store.get(next).orElseThrow().result()).isEqualTo("{}");
    }

    @Test
    void aCancelFlaggedInTheRowByAnotherInstanceStopsTheRunWithinSeconds() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        long id = worker.start("leader", PARAMETERS, untilInterrupted(started), x -> x);
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(store.requestCancel(id, "leader")).as("only the flag, as the other instance writes it").isTrue();

        assertThat(awaitFinished(id)).isEqualTo(RunStatus.CANCELLED);
        assertThat(store.requestCancel(id, "leader")).as("a finished run takes no cancel").isFalse();
    }

    @Test
    void aRunPastTheTimeLimitIsStoppedAndAFailureIsRecorded() {
        PlanningProperties oneSecond = new PlanningProperties(properties.maxIncidents(), properties.minIncidents(),
                properties.periodDays(), properties.maxPeriodDays(), properties.maxUnits(), properties.exactMaxUnits(),
                Duration.ofSeconds(1), properties.retention(), properties.cellKm(), properties.seed(),
                properties.generated(), properties.assumptions());
        RunWorker strict = new RunWorker(store, oneSecond, clock);
        try {
            long id = strict.start("leader", PARAMETERS, untilInterrupted(new CountDownLatch(1)), x -> x);
            assertThat(awaitFinished(id)).isEqualTo(RunStatus.TIMED_OUT);

            long failing = strict.start("leader", PARAMETERS, () -> {
                throw new IllegalStateException("the models broke");
            }, x -> (String) x);
            assertThat(awaitFinished(failing)).isEqualTo(RunStatus.FAILED);
            assertThat(store.get(failing).orElseThrow().error()).contains("the models broke");
        } finally {
            try {
                strict.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aRunLeftRunningByAnInstanceThatStoppedReadsAsAbandoned() {
        long lost = store.insertRunning("leader", clock.instant().minus(properties.timeLimit()).minusSeconds(120),
                PARAMETERS);
        long fresh = store.insertRunning("leader", clock.instant(), PARAMETERS);

        assertThat(runs.find(lost).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(runs.find(fresh).orElseThrow().status()).as("still within its limit").isEqualTo(RunStatus.RUNNING);
        assertThat(store.finish(fresh, RunStatus.CANCELLED, clock.instant(), null, null)).isTrue();
    }
}
