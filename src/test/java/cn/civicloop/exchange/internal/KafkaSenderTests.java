package cn.civicloop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outcome of a send reaches Modulith (which marks the publication, a database update) on a completion thread,
 * never on the thread that completed the send: in production the Kafka producer's one I/O thread.
 */
class KafkaSenderTests {

    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "kafka-done-test"));
    private final ExecutorService producerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "producer-io"));

    @AfterEach
    void stop() {
        completions.shutdownNow();
        producerThread.shutdownNow();
    }

    @Test
    void anAcknowledgementIsPassedOnFromACompletionThread() throws Exception {
        CompletableFuture<String> send = new CompletableFuture<>();
        AtomicReference<String> markedOn = new AtomicReference<>();
        CompletableFuture<String> seen = KafkaSender.offTheProducerThread(send, completions)
                .thenApply(r -> {
                    markedOn.set(Thread.currentThread().getName());
                    return r;
                });
        producerThread.submit(() -> send.complete("acked")).get(5, TimeUnit.SECONDS);
        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("acked");
        assertThat(markedOn.get()).isEqualTo("kafka-done-test");
    }

    @Test
    void aFailedSendIsPassedOnFromACompletionThreadWithItsOwnCause() throws Exception {
        CompletableFuture<String> send = new CompletableFuture<>();
        AtomicReference<String> failedOn = new AtomicReference<>();
        CompletableFuture<String> seen = KafkaSender.offTheProducerThread(send, completions)
                .exceptionallyCompose(e -> {
                    failedOn.set(Thread.currentThread().getName());
                    return CompletableFuture.failedFuture(e);
                });
        IllegalStateException brokerDown = new IllegalStateException("broker down");
        producerThread.submit(() -> send.completeExceptionally(brokerDown)).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> seen.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCause(brokerDown);
        assertThat(failedOn.get()).isEqualTo("kafka-done-test");
    }

    @Test
    void aRefusingExecutorStillPassesTheOutcomeOn() throws Exception {
        CompletableFuture<String> send = new CompletableFuture<>();
        CompletableFuture<String> seen = KafkaSender.offTheProducerThread(send, task -> {
            throw new RejectedExecutionException("shutting down");
        });
        send.complete("acked");
        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("acked");
    }
}
