package cn.civicloop.cases.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import cn.civicloop.cases.internal.sla.EscalationDue;
import cn.civicloop.cases.internal.sla.EscalationPlanner;

/** The db-scheduler task behind every escalation timer, and the module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CasesProperties.class)
class EscalationTaskConfiguration {

    /** The firing logic is looked up lazily: the scheduler needs this task before the case services exist. */
    @Bean
    OneTimeTask<EscalationDue> caseEscalationTask(ObjectProvider<EscalationFiring> firing) {
        return Tasks.oneTime(EscalationPlanner.TASK_NAME, EscalationDue.class)
                .execute((instance, context) -> firing.getObject().fire(instance.getData()));
    }
}
