package cn.civicloop.exchange.internal;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The sender of the domain events to Kafka, in place of Spring Modulith's own (its auto-configuration
 * {@code KafkaEventExternalizerConfiguration} is excluded in application.yml). It does the same send, but on threads
 * of its own that never wait for the broker: Modulith's externalizer is an {@code @ApplicationModuleListener}, so it
 * waits in the one listener executor behind triage, notification and evaluation, and a thread is held per send until
 * the acknowledgement (docs/events.md, Figures).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("civicloop.events.kafka.enabled")
class KafkaSending {

    /**
     * Records waiting for the sending thread; beyond this a publication is marked failed at once and resubmitted
     * later (it is stored), rather than memory filling while the broker is unreachable.
     */
    static final int SENDING_QUEUE = 50_000;

    /**
     * One thread appends every record to the producer's buffer and moves on: it waits for no acknowledgement, so one
     * is enough (an append takes well under a millisecond), and one keeps the records in the order of the commits.
     * It blocks only while the producer has no metadata for a topic or a full buffer ({@code max.block.ms}): then
     * the records queue here, and the commands do not wait.
     */
    @Bean(KafkaSender.EXECUTOR)
    ThreadPoolTaskExecutor kafkaSendingExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(SENDING_QUEUE);
        executor.setThreadNamePrefix("kafka-send-");
        // the publications are stored: a send still queued at shutdown is resubmitted after the restart
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * Where the outcome of a send is taken off the producer's I/O thread: the marking of the publication (a database
     * update) runs here, never on the thread that sends and acknowledges for the whole producer.
     */
    @Bean(KafkaSender.COMPLETIONS)
    ThreadPoolTaskExecutor kafkaCompletionExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("kafka-done-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    KafkaSender kafkaSender(EventExternalizationConfiguration configuration, KafkaOperations<Object, Object> kafka,
            BeanFactory beans, @Qualifier(KafkaSender.EXECUTOR) ThreadPoolTaskExecutor sending,
            @Qualifier(KafkaSender.COMPLETIONS) ThreadPoolTaskExecutor completions,
            ObjectProvider<EventPublicationRegistry> registry) {
        StandardEvaluationContext routing = new StandardEvaluationContext();
        routing.setBeanResolver(new BeanFactoryResolver(beans));
        return new KafkaSender(configuration, (target, payload) -> {
            BrokerRouting route = BrokerRouting.of(target, routing);
            var message = MessageBuilder.withPayload(payload)
                    .copyHeaders(configuration.getHeadersFor(payload))
                    .setHeaderIfAbsent(KafkaHeaders.KEY, route.getKey(payload))
                    .setHeaderIfAbsent(KafkaHeaders.TOPIC, route.getTarget(payload))
                    .build();
            return kafka.send(message);
        }, sending, completions, registry::getObject);
    }
}
