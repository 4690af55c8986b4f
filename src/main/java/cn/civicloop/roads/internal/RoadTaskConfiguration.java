package cn.civicloop.roads.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import cn.civicloop.roads.internal.issues.IssueTimers;
import cn.civicloop.roads.internal.whistles.WhistleTimers;

/**
 * The db-scheduler tasks of the road chiefs. The scheduler needs the tasks before the module's services exist, so
 * the firing logic is looked up lazily, as in cases. The task names and the classes of their data
 * ({@link IssueDue}, {@link WhistleDue}) are stored with every pending timer: they must not change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoadsProperties.class)
class RoadTaskConfiguration {

    @Bean
    OneTimeTask<IssueDue> roadIssueAnswerTask(ObjectProvider<IssueTimers> timers) {
        return Tasks.oneTime(IssueDue.TASK, IssueDue.class)
                .execute((instance, context) -> timers.getObject().fire(instance.getData()));
    }

    @Bean
    OneTimeTask<WhistleDue> roadWhistleTask(ObjectProvider<WhistleTimers> timers) {
        return Tasks.oneTime(WhistleDue.TASK, WhistleDue.class)
                .execute((instance, context) -> timers.getObject().fire(instance.getData()));
    }
}
