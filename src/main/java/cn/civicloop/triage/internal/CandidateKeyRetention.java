package cn.civicloop.triage.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Keeps {@code triage_candidate_key} bounded: hourly, on one instance of a cluster at a time (db-scheduler), removes
 * the keys of cases opened more than the window and a day ago. The day is for triage that runs late (a backlog, a
 * resubmitted event): its search reaches back one window from the case's own opening, not from now.
 */
@Configuration(proxyBeanMethods = false)
class CandidateKeyRetention {

    static final String TASK = "triage-candidate-key-retention";
    static final Duration MARGIN = Duration.ofDays(1);

    @Bean
    RecurringTask<Void> candidateKeyRetentionTask(CandidateStore store, TriageProperties properties, Clock clock) {
        Duration kept = properties.duplicates().window().plus(MARGIN);
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> store.removeBefore(clock.instant().minus(kept)));
    }
}
