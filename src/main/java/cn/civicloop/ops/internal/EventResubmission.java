package cn.civicloop.ops.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Resubmits event publications that stayed incomplete for longer than {@code civicloop.events.resubmit-after}
 * (default 2 min): their listener never finished, because the instance died, or the listener failed.
 * <p>
 * Why not Spring Modulith's {@code republish-outstanding-events-on-restart}: it resubmits on every instance that
 * starts, including the outstanding publications that a healthy sibling is processing right now, so two nodes
 * would triage and notify twice. A db-scheduler recurring task is one row in {@code scheduled_tasks}: one instance
 * runs it per period, another takes over if that one dies, and it runs after a restart like any overdue timer.
 * The age threshold keeps it off publications still queued or in progress on a live instance; listeners are
 * written to tolerate a late second delivery (triage records one decision per case).
 * <p>
 * Found by the crash test: Modulith 2.0.3 marks a resubmitted publication {@code RESUBMITTED} and skips it in later
 * resubmissions; if the instance dies while such a publication is in flight, it stays {@code RESUBMITTED} forever
 * (Modulith's staleness monitor would fail it, but it needs Spring's own scheduling, which this application does not
 * enable). So a resubmission that did not complete within the same age threshold is marked {@code FAILED} first,
 * which makes it eligible again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class EventResubmission {

    static final String TASK = "event-resubmission";
    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    @Bean
    RecurringTask<Void> eventResubmissionTask(ObjectProvider<IncompleteEventPublications> publications,
            JdbcClient jdbc, Clock clock, OpsProperties settings) {
        Duration olderThan = settings.resubmitAfter();
        Duration every = settings.resubmitCheck();
        return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> {
            int stuck = jdbc.sql("update event_publication set status = 'FAILED' where completion_date is null "
                    + "and status = 'RESUBMITTED' and last_resubmission_date < ?")
                    .param(Timestamp.from(clock.instant().minus(olderThan))).update();
            if (stuck > 0) {
                log.warn("{} event publications were resubmitted but never completed; resubmitting them again", stuck);
            }
            publications.getObject().resubmitIncompletePublicationsOlderThan(olderThan);
        });
    }
}
