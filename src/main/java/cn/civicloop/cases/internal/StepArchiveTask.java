package cn.civicloop.cases.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The archive of old steps as a db-scheduler recurring task ({@code case-steps-archive}, ADR 0065): one instance of a
 * cluster runs it at a time, every {@code civicloop.cases.archive-every}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StepArchiveProperties.class)
class StepArchiveTask {

    static final String TASK = "case-steps-archive";

    @Bean
    RecurringTask<Void> caseStepsArchiveTask(StepArchive archive, StepArchiveProperties settings) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.archiveEvery()))
                .execute((instance, context) -> archive.archive());
    }
}
