package cn.civicloop.exchange.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.springframework.expression.EvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each selected domain event to its topic with its key and headers, after the commit that published it.
 * Modulith still stores the publication with the change and marks it complete when the broker acknowledges; a send
 * that fails leaves it incomplete for the resubmission of {@code ops}. Two things differ from Modulith's own
 * externalizer, both about threads:
 * <ul>
 * <li>the send starts on {@link #EXECUTOR}, so the events do not queue behind the other modules' listeners;</li>
 * <li>the outcome of a send is handed to {@link #COMPLETIONS} before Modulith sees it. Spring Kafka completes a send's
 * future on the producer's one I/O thread, and Modulith marks the publication complete (a database update) in a stage
 * of that future, so on that thread: every acknowledgement then waited for the previous one's update and the
 * connection pool, and the producer sent nothing meanwhile.</li>
 * </ul>
 */
class KafkaSender extends DelegatingEventExternalizer {

    static final String EXECUTOR = "kafkaSendingExecutor";
    static final String COMPLETIONS = "kafkaCompletionExecutor";

    KafkaSender(EventExternalizationConfiguration configuration, KafkaOperations<Object, Object> kafka,
            EvaluationContext routing, Executor completions) {
        super(configuration, (target, payload) -> {
            BrokerRouting route = BrokerRouting.of(target, routing);
            var message = MessageBuilder.withPayload(payload)
                    .copyHeaders(configuration.getHeadersFor(payload))
                    .setHeaderIfAbsent(KafkaHeaders.KEY, route.getKey(payload))
                    .setHeaderIfAbsent(KafkaHeaders.TOPIC, route.getTarget(payload))
                    .build();
            return offTheProducerThread(kafka.send(message), completions);
        });
    }

    /**
     * The same outcome, completed on a thread of {@code completions}: success and failure alike (a failed stage runs
     * its dependants on the completing thread too). Should the executor refuse (shutting down), on the caller's.
     */
    static <T> CompletableFuture<T> offTheProducerThread(CompletableFuture<T> send, Executor completions) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        send.whenComplete((result, failure) -> {
            Runnable complete = () -> {
                if (failure == null) {
                    outcome.complete(result);
                } else {
                    outcome.completeExceptionally(failure);
                }
            };
            try {
                completions.execute(complete);
            } catch (RejectedExecutionException e) {
                complete.run();
            }
        });
        return outcome;
    }

    /**
     * The listener of Modulith's externalizer with its executor named; the annotations repeat the inherited
     * {@code @ApplicationModuleListener(propagation = SUPPORTS)} because an annotation of the overriding method
     * replaces it as a whole.
     */
    @Override
    @Async(EXECUTOR)
    @TransactionalEventListener
    @Transactional(propagation = Propagation.SUPPORTS)
    public CompletableFuture<?> externalize(Object event) {
        return super.externalize(event);
    }
}
