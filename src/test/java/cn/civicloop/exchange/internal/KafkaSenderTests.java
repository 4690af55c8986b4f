package cn.civicloop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The invariants of the send path: a publication is complete only once the broker acknowledged its record, a failed
 * send leaves it incomplete (failed) and sending it again completes it; no thread waits for an acknowledgement, and
 * the publication is marked on a completion thread, never on the one that completed the send (in production the
 * producer's one I/O thread). Selected events only, after the commit only.
 */
class KafkaSenderTests {

    private static final long WAIT = 5_000;

    private final ExecutorService sendingThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "kafka-send-test"));
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "kafka-done-test"));
    private final ExecutorService producerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "producer-io"));
    private final EventPublicationRegistry registry = mock(EventPublicationRegistry.class);
    private final AtomicReference<String> markedOn = new AtomicReference<>();

    /** The sends handed to the fake broker, in order; each completes when the test says the broker answered. */
    private final Queue<Send> sends = new ConcurrentLinkedQueue<>();

    private record Send(String thread, Object record, CompletableFuture<Object> answer) {
    }

    private final EventExternalizationConfiguration configuration = EventExternalizationConfiguration.externalizing()
            .select(e -> e instanceof String s && s.startsWith("case"))
            .mapping(e -> "record of " + e)
            .routeAll(e -> RoutingTarget.forTarget("civicloop.cases").andKey("k"))
            .build();

    private KafkaSender sender(java.util.concurrent.Executor sending, java.util.concurrent.Executor done) {
        return new KafkaSender(configuration, (target, record) -> {
            CompletableFuture<Object> answer = new CompletableFuture<>();
            sends.add(new Send(Thread.currentThread().getName(), record, answer));
            return answer;
        }, sending, done, () -> registry);
    }

    @AfterEach
    void stop() {
        sendingThread.shutdownNow();
        completions.shutdownNow();
        producerThread.shutdownNow();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aPublicationIsCompleteOnlyOnceTheBrokerAcknowledgedAndNoThreadWaitsForIt() throws Exception {
        doAnswer(i -> {
            markedOn.set(Thread.currentThread().getName());
            return null;
        }).when(registry).markCompleted(any(), any());
        KafkaSender sender = sender(sendingThread, completions);

        sender.processEvent(event("case opened"));
        Send send = awaitSend(1);
        assertThat(send.thread()).as("appended on the sending thread").isEqualTo("kafka-send-test");
        assertThat(send.record()).isEqualTo("record of case opened");
        // the sending thread is free while the acknowledgement is outstanding: it takes the next event at once
        sender.processEvent(event("case assigned"));
        awaitSend(2);
        verify(registry, never()).markCompleted(any(), any());

        producerThread.submit(() -> send.answer().complete("acked")).get(WAIT, TimeUnit.MILLISECONDS);
        verify(registry, timeout(WAIT)).markCompleted("case opened", KafkaSender.TARGET);
        assertThat(markedOn.get()).as("marked off the producer's I/O thread").isEqualTo("kafka-done-test");
        verify(registry, never()).markCompleted(eq("case assigned"), any());
        verify(registry, never()).markFailed(any(), any());
    }

    @Test
    void aFailedSendLeavesThePublicationIncompleteAndSendingItAgainCompletesIt() throws Exception {
        doAnswer(i -> {
            markedOn.set(Thread.currentThread().getName());
            return null;
        }).when(registry).markFailed(any(), any());
        KafkaSender sender = sender(sendingThread, completions);

        sender.processEvent(event("case closed"));
        Send first = awaitSend(1);
        producerThread.submit(() -> first.answer().completeExceptionally(new IllegalStateException("broker down")))
                .get(WAIT, TimeUnit.MILLISECONDS);
        verify(registry, timeout(WAIT)).markFailed("case closed", KafkaSender.TARGET);
        assertThat(markedOn.get()).isEqualTo("kafka-done-test");
        verify(registry, never()).markCompleted(any(), any());

        // the resubmission of ops hands the stored event to the listener again
        sender.processEvent(event("case closed"));
        Send second = awaitSend(2);
        second.answer().complete("acked");
        verify(registry, timeout(WAIT)).markCompleted("case closed", KafkaSender.TARGET);
    }

    @Test
    void aRecordThatCannotBeMappedFailsItsPublication() {
        KafkaSender sender = new KafkaSender(configuration, (target, record) -> {
            throw new IllegalArgumentException("no route");
        }, sendingThread, completions, () -> registry);
        sender.processEvent(event("case escalated"));
        verify(registry, timeout(WAIT)).markFailed("case escalated", KafkaSender.TARGET);
    }

    @Test
    void aFullSendingQueueFailsThePublicationAndARefusingCompletionExecutorStillMarksIt() throws Exception {
        KafkaSender full = sender(task -> {
            throw new RejectedExecutionException("queue full");
        }, completions);
        full.processEvent(event("case replied"));
        verify(registry, timeout(WAIT)).markFailed("case replied", KafkaSender.TARGET);

        KafkaSender closing = sender(sendingThread, task -> {
            throw new RejectedExecutionException("shutting down");
        });
        closing.processEvent(event("case opened"));
        awaitSend(1).answer().complete("acked");
        verify(registry, timeout(WAIT)).markCompleted("case opened", KafkaSender.TARGET);
    }

    @Test
    void sendsAfterTheCommitNeverForARollbackAndOnlyTheSelectedEvents() throws Exception {
        KafkaSender sender = sender(sendingThread, completions);
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);

        sender.onApplicationEvent(event("case opened"));
        sender.onApplicationEvent(event("not selected"));
        List<TransactionSynchronization> committed = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        sender.onApplicationEvent(event("case closed"));
        List<TransactionSynchronization> rolledBack = TransactionSynchronizationManager.getSynchronizations();

        assertThat(committed).as("the unselected event registers nothing").hasSize(1);
        sendingThread.submit(() -> { }).get(WAIT, TimeUnit.MILLISECONDS);
        assertThat(sends).as("nothing before the commit").isEmpty();
        rolledBack.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        committed.forEach(TransactionSynchronization::afterCommit);
        assertThat(awaitSend(1).record()).isEqualTo("record of case opened");
        sendingThread.submit(() -> { }).get(WAIT, TimeUnit.MILLISECONDS);
        assertThat(sends).as("nothing for the rollback").hasSize(1);
    }

    private static PayloadApplicationEvent<Object> event(Object payload) {
        return new PayloadApplicationEvent<>(KafkaSenderTests.class, payload);
    }

    /** The n-th send (1-based), once the sending thread has made it. */
    private Send awaitSend(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT);
        while (sends.size() < n && System.nanoTime() < deadline) {
            sendingThread.submit(() -> { }).get(WAIT, TimeUnit.MILLISECONDS);
        }
        assertThat(sends).hasSizeGreaterThanOrEqualTo(n);
        return sends.stream().skip(n - 1).findFirst().orElseThrow();
    }
}
