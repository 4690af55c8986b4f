package cn.civicloop.exchange.internal;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The sender of the domain events to Kafka, in place of Spring Modulith's own (its auto-configuration
 * {@code KafkaEventExternalizerConfiguration} is excluded in application.yml). It does the same send, but on threads
 * of its own: Modulith's externalizer is an {@code @ApplicationModuleListener} and so waits in the one listener
 * executor behind triage, notification and evaluation, and under a steady intake its events left seconds after the
 * commit because of that queue, not because of Kafka.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("civicloop.events.kafka.enabled")
class KafkaSending {

    static final int SENDING_THREADS = 32;

    /**
     * A thread here is held for the whole of one send: Modulith marks the publication as being processed (an update),
     * the record goes to the producer's buffer, and Spring's {@code @Async} then waits for the send's future, that is
     * for the broker's acknowledgement and Modulith's marking it complete (a second update). The threads wait, they
     * hardly compute; with two, under a loaded database, the sends queued behind those waits for minutes
     * (docs/events.md, Figures). Each thread carries only a few sends a second when the acknowledgement takes 100 ms and
     * more; at 50 appeals a second on an idle machine eight threads let a queue build (p50 7.9 s, p99 9.4 s), thirty-two
     * took the median to 0.2 s, though a p99 of 4.3 s remains: they wait, they cost a stack each and no connection
     * while waiting.
     */
    @Bean(KafkaSender.EXECUTOR)
    ThreadPoolTaskExecutor kafkaSendingExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(SENDING_THREADS);
        executor.setMaxPoolSize(SENDING_THREADS);
        executor.setThreadNamePrefix("kafka-send-");
        // the publications are stored: a send still queued at shutdown is resubmitted after the restart
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * Where the outcome of a send is taken off the producer's I/O thread: Modulith's marking of the publication (a
     * database update) runs here, never on the thread that sends and acknowledges for the whole producer.
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
            BeanFactory beans, @Qualifier(KafkaSender.COMPLETIONS) ThreadPoolTaskExecutor completions) {
        StandardEvaluationContext routing = new StandardEvaluationContext();
        routing.setBeanResolver(new BeanFactoryResolver(beans));
        return new KafkaSender(configuration, kafka, routing, completions);
    }
}
