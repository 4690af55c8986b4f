package cn.civicloop.evaluation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The backfill as a db-scheduler task: the execution is picked by one node of a cluster, kept alive by its
 * heartbeat, and run again elsewhere when that node dies (it then resumes at the stored cursor). A second request
 * while one is scheduled or running adds nothing (one instance id).
 */
@Configuration(proxyBeanMethods = false)
class BackfillTask {

    private static final Logger log = LoggerFactory.getLogger(BackfillTask.class);
    static final String TASK = "evaluation-backfill";
    static final String INSTANCE = "facts";

    @Bean
    OneTimeTask<Void> evaluationBackfillTask(ObjectProvider<Backfill> backfill) {
        return Tasks.oneTime(TASK).execute((instance, ctx) -> {
            Backfill.Progress done = backfill.getObject().run();
            log.info("Evaluation backfill: {} cases read, {} facts added", done.casesRead(), done.factsAdded());
        });
    }
}
