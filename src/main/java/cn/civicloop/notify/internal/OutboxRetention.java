package cn.civicloop.notify.internal;

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
 * Deletes the messages to residents SENT longer ago than {@code civicloop.notify.sent-retention} (default 180 days,
 * ADR 0064). Every case leaves three to four of them (accepted, handed over, result fed back, closed): kept forever the
 * outbox outgrew most of the case's own tables. PENDING and FAILED messages are never touched: the first are the
 * delivery's work, the second the evidence of a resident who was not reached. A db-scheduler recurring task, so one
 * instance of a cluster deletes; in batches of {@link #BATCH} rows, each its own statement, so no run holds locks or a
 * transaction long.
 * <p>
 * The deleted row's {@code source_event} no longer guards against a second message for its event: harmless, because
 * the event is never delivered again by then (a completed publication is deleted after 7 days, an incomplete one is
 * resubmitted within minutes, and the retention is at least 30 days).
 */
@Configuration(proxyBeanMethods = false)
class OutboxRetention {

    static final String TASK = "notify-outbox-retention";
    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    @Bean
    RecurringTask<Void> notifyOutboxRetentionTask(JdbcClient jdbc, Clock clock, NotifyProperties settings) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheck())).execute((instance, context) -> {
            long deleted = deleteSentBefore(jdbc, Timestamp.from(clock.instant().minus(settings.sentRetention())),
                    BATCH);
            if (deleted > 0) {
                log.info("deleted {} messages to residents sent more than {} ago", deleted, settings.sentRetention());
            }
        });
    }

    /** Deletes, batch after batch of {@code batch} rows, the messages sent before {@code before}; walks their index. */
    static long deleteSentBefore(JdbcClient jdbc, Timestamp before, int batch) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from notify_outbox where id in (select id from notify_outbox "
                    + "where status = 'SENT' and sent_at < ? order by sent_at limit " + batch + ")").param(before)
                    .update();
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
