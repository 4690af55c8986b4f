package cn.civicloop.exchange.internal;

import java.util.concurrent.CompletableFuture;

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
 * that fails leaves it incomplete for the resubmission of {@code ops}. Only the thread differs from Modulith's own
 * externalizer: {@link #EXECUTOR}, so the events do not queue behind the other modules' listeners.
 */
class KafkaSender extends DelegatingEventExternalizer {

    static final String EXECUTOR = "kafkaSendingExecutor";

    KafkaSender(EventExternalizationConfiguration configuration, KafkaOperations<Object, Object> kafka,
            EvaluationContext routing) {
        super(configuration, (target, payload) -> {
            BrokerRouting route = BrokerRouting.of(target, routing);
            var message = MessageBuilder.withPayload(payload)
                    .copyHeaders(configuration.getHeadersFor(payload))
                    .setHeaderIfAbsent(KafkaHeaders.KEY, route.getKey(payload))
                    .setHeaderIfAbsent(KafkaHeaders.TOPIC, route.getTarget(payload))
                    .build();
            return kafka.send(message);
        });
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
