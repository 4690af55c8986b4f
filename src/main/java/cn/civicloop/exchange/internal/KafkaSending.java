package cn.civicloop.exchange.internal;

import org.springframework.beans.factory.BeanFactory;
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

    /** Two threads are plenty: a send only hands the record to the producer's buffer and returns. */
    @Bean(KafkaSender.EXECUTOR)
    ThreadPoolTaskExecutor kafkaSendingExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("kafka-send-");
        // the publications are stored: a send still queued at shutdown is resubmitted after the restart
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    KafkaSender kafkaSender(EventExternalizationConfiguration configuration, KafkaOperations<Object, Object> kafka,
            BeanFactory beans) {
        StandardEvaluationContext routing = new StandardEvaluationContext();
        routing.setBeanResolver(new BeanFactoryResolver(beans));
        return new KafkaSender(configuration, kafka, routing);
    }
}
