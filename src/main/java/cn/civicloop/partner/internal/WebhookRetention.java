package cn.civicloop.partner.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import cn.civicloop.shared.Retention;

/**
 * Deletes the webhook deliveries DELIVERED longer ago than {@code civicloop.partner.webhook.retention} (default 180
 * days, ADR 0064): one row per step of every case an agency holds, which nobody reads once the receiver took it.
 * PENDING, SENDING and DEAD deliveries are never touched (the sender's work, and the dead letters an administrator
 * replays). A db-scheduler recurring task, so one instance of a cluster deletes, in bounded batches along the index
 * of the delivered rows ({@link Retention}).
 * <p>
 * A deleted delivery's key ({@code client_ref, event_id}) no longer stops a second delivery of its event: harmless,
 * because the event is never delivered again by then (see {@code OutboxRetention} of notify: same argument).
 */
@Configuration(proxyBeanMethods = false)
class WebhookRetention {

    static final String TASK = "partner-webhook-retention";
    static final Retention DELIVERED = Retention.of("webhook deliveries delivered", "partner_delivery", "delivered_at")
            .only("status = 'DELIVERED'");

    @Bean
    RecurringTask<Void> partnerWebhookRetentionTask(JdbcClient jdbc, Clock clock, PartnerProperties properties) {
        PartnerProperties.Webhook settings = properties.webhook();
        return DELIVERED.task(TASK, settings.retentionCheck(), settings.retention(), jdbc, clock);
    }
}
