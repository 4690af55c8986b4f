package cn.civicloop.notify.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import cn.civicloop.shared.Retention;

/**
 * Deletes the messages to residents SENT longer ago than {@code civicloop.notify.sent-retention} (default 180 days,
 * ADR 0064). Every case leaves three to four of them (accepted, handed over, result fed back, closed): kept forever the
 * outbox outgrew most of the case's own tables. PENDING and FAILED messages are never touched: the first are the
 * delivery's work, the second the evidence of a resident who was not reached. A db-scheduler recurring task, so one
 * instance of a cluster deletes, in bounded batches along the index of the sent messages ({@link Retention}).
 * <p>
 * The deleted row's {@code source_event} no longer guards against a second message for its event: harmless, because
 * the event is never delivered again by then (a completed publication is deleted after 7 days, an incomplete one is
 * resubmitted within minutes, and the retention is at least 30 days).
 */
@Configuration(proxyBeanMethods = false)
class OutboxRetention {

    static final String TASK = "notify-outbox-retention";
    static final Retention SENT = Retention.of("messages to residents sent", "notify_outbox", "sent_at")
            .only("status = 'SENT'");

    @Bean
    RecurringTask<Void> notifyOutboxRetentionTask(JdbcClient jdbc, Clock clock, NotifyProperties settings) {
        return SENT.task(TASK, settings.retentionCheck(), settings.sentRetention(), jdbc, clock);
    }
}
