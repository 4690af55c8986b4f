package cn.civicloop.cases.internal;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The PIPL retention batch: a db-scheduler recurring task, hourly, on one instance of a cluster at a time. */
@Configuration(proxyBeanMethods = false)
class RetentionTaskConfiguration {

    static final String TASK = "personal-data-retention";

    @Bean
    RecurringTask<Void> personalDataRetentionTask(PersonalDataRetention retention) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> retention.maskExpired());
    }
}
