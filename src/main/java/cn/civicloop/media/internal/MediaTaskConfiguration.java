package cn.civicloop.media.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The db-scheduler task of the items' response deadlines: one node of a cluster fires each (the scheduler's row
 * lock), as the cases' clocks. The firing logic is looked up lazily: the scheduler needs its tasks first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaTaskConfiguration {

    @Bean
    OneTimeTask<ItemDue> mediaItemDueTask(ObjectProvider<Items> items) {
        return Tasks.oneTime(ItemDue.TASK, ItemDue.class)
                .execute((instance, context) -> items.getObject().deadlinePassed(instance.getData().itemId()));
    }
}
