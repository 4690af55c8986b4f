package cn.civicloop.roads.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The db-scheduler tasks of the road chiefs; the firing logic is looked up lazily, as in cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoadProperties.class)
class RoadTaskConfiguration {

    static final String ISSUE_TASK = "road-issue-answer-due";
    static final String WHISTLE_TASK = "road-whistle-due";

    @Bean
    OneTimeTask<IssueDue> roadIssueAnswerTask(ObjectProvider<RoadIssues> issues) {
        return Tasks.oneTime(ISSUE_TASK, IssueDue.class)
                .execute((instance, context) -> issues.getObject().answerDue(instance.getData()));
    }

    @Bean
    OneTimeTask<WhistleDue> roadWhistleTask(ObjectProvider<Whistles> whistles) {
        return Tasks.oneTime(WHISTLE_TASK, WhistleDue.class)
                .execute((instance, context) -> whistles.getObject().limitDue(instance.getData()));
    }
}
