package cn.civicloop.partner.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Deletes the webhook deliveries DELIVERED longer ago than {@code civicloop.partner.webhook.retention} (default 180
 * days, ADR 0064): one row per step of every case an agency holds, which nobody reads once the receiver took it.
 * PENDING, SENDING and DEAD deliveries are never touched (the sender's work, and the dead letters an administrator
 * replays). A db-scheduler recurring task, so one instance of a cluster deletes; in batches of {@link #BATCH} rows,
 * each its own statement, so no run holds locks or a transaction long.
 * <p>
 * A deleted delivery's key ({@code client_ref, event_id}) no longer stops a second delivery of its event: harmless,
 * because the event is never delivered again by then (see {@code OutboxRetention} of notify: same argument).
 */
@Configuration(proxyBeanMethods = false)
class WebhookRetention {

    static final String TASK = "partner-webhook-retention";
    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

    @Bean
    RecurringTask<Void> partnerWebhookRetentionTask(JdbcClient jdbc, Clock clock, PartnerProperties properties) {
        PartnerProperties.Webhook settings = properties.webhook();
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheck())).execute((instance, context) -> {
            long deleted = deleteDeliveredBefore(jdbc, Timestamp.from(clock.instant().minus(settings.retention())),
                    BATCH);
            if (deleted > 0) {
                log.info("deleted {} webhook deliveries delivered more than {} ago", deleted, settings.retention());
            }
        });
    }

    /** Deletes, batch after batch of {@code batch} rows, the deliveries made before {@code before}; walks their index. */
    static long deleteDeliveredBefore(JdbcClient jdbc, Timestamp before, int batch) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from partner_delivery where id in (select id from partner_delivery "
                    + "where status = 'DELIVERED' and delivered_at < ? order by delivered_at limit " + batch + ")")
                    .param(before).update();
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
