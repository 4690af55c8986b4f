package cn.civicloop.ops.internal;

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
 * Deletes completed event publications older than {@code civicloop.events.completed-retention} (default 7 days).
 * Every appeal leaves about two completed rows (triage, notification) that nobody reads again once delivered: kept
 * forever they grew with the whole history (about 24,000 rows a day in a city). Incomplete publications are never
 * touched: they are the resubmission's work. A db-scheduler recurring task, so one instance of a cluster deletes; in
 * batches of {@link #BATCH} rows, each its own statement, so no run holds locks or a transaction long.
 */
@Configuration(proxyBeanMethods = false)
class PublicationRetention {

    static final String TASK = "event-publication-retention";
    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(PublicationRetention.class);

    @Bean
    RecurringTask<Void> eventPublicationRetentionTask(JdbcClient jdbc, Clock clock, OpsProperties settings) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheck())).execute((instance, context) -> {
            long deleted = deleteCompletedBefore(jdbc, Timestamp.from(clock.instant().minus(settings.completedRetention())));
            if (deleted > 0) {
                log.info("deleted {} completed event publications older than {}", deleted, settings.completedRetention());
            }
        });
    }

    /** Deletes, batch after batch, the publications completed before {@code before}; walks the completion index. */
    static long deleteCompletedBefore(JdbcClient jdbc, Timestamp before) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from event_publication where id in (select id from event_publication "
                    + "where completion_date < ? order by completion_date limit " + BATCH + ")").param(before).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
