package cn.civicloop.ops.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import cn.civicloop.shared.Retention;

/**
 * Deletes completed event publications older than {@code civicloop.events.completed-retention} (default 7 days).
 * Every appeal leaves about two completed rows (triage, notification) that nobody reads again once delivered: kept
 * forever they grew with the whole history (about 24,000 rows a day in a city). Incomplete publications (no
 * completion date) are never touched: they are the resubmission's work. A db-scheduler recurring task, so one
 * instance of a cluster deletes, in bounded batches along the completion index ({@link Retention}).
 */
@Configuration(proxyBeanMethods = false)
class PublicationRetention {

    static final String TASK = "event-publication-retention";
    static final Retention COMPLETED = Retention.of("event publications completed", "event_publication",
            "completion_date");

    @Bean
    RecurringTask<Void> eventPublicationRetentionTask(JdbcClient jdbc, Clock clock, OpsProperties settings) {
        return COMPLETED.task(TASK, settings.retentionCheck(), settings.completedRetention(), jdbc, clock);
    }
}
