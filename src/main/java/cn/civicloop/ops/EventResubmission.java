package cn.civicloop.ops;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 */
@Configuration(proxyBeanMethods = false)
class EventResubmission {

    static final String TASK = "event-resubmission";
    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    @Bean
    RecurringTask<Void> eventResubmissionTask(ObjectProvider<IncompleteEventPublications> publications,
            @Value("${civicloop.events.resubmit-after:PT2M}") Duration olderThan,
            @Value("${civicloop.events.resubmit-check:PT30S}") Duration every) {
        return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> {
            log.debug("resubmitting event publications incomplete for more than {}", olderThan);
            publications.getObject().resubmitIncompletePublicationsOlderThan(olderThan);
        });
    }
}
