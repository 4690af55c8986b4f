package cn.civicloop.security.internal.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The sealing batch as a db-scheduler recurring task: one row in {@code scheduled_tasks}, so one instance of a
 * cluster runs it at a time, first right after start (it seals the rows of a database upgraded from a version that
 * stored them in clear) and then every {@code reseal-interval} (it re-seals under a new current key after a rotation).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
class PersonalDataConfiguration {

    static final String TASK = "personal-data-reseal";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    RecurringTask<Void> personalDataResealTask(PersonalDataResealer resealer, PersonalDataProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.resealInterval())).execute((instance, context) -> {
            int n = resealer.resealAll();
            if (n > 0) {
                log.info("Personal data: {} rows sealed or re-sealed; {} left", n, resealer.remaining());
            }
        });
    }
}
