package cn.civicloop.partner.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The webhook outbox is looked at by a db-scheduler recurring task: one row in {@code scheduled_tasks}, so across a
 * cluster one instance at a time hands deliveries over, and a run that crashed is picked up by another instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerProperties.class)
class WebhookTaskConfiguration {

    static final String TASK = "partner-webhooks";

    @Bean
    RecurringTask<Void> partnerWebhookTask(WebhookDelivery delivery, PartnerProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.webhook().pollInterval()))
                .execute((instance, context) -> delivery.deliverDue());
    }
}
