package cn.civicloop.notify.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The outbox is drained by a db-scheduler recurring task: one row in {@code scheduled_tasks}, so across a
 * cluster only one instance runs it at a time, and a crashed run is picked up again by another instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class DeliveryTaskConfiguration {

    static final String TASK = "notify-delivery";

    @Bean
    RecurringTask<Void> notifyDeliveryTask(OutboxDelivery delivery, NotifyProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.deliveryInterval()))
                .execute((instance, context) -> delivery.deliverDue());
    }
}
