package cn.civicloop.triage.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import cn.civicloop.classifier.ModelReplacement;
import cn.civicloop.classifier.RoutingExample;
import cn.civicloop.classifier.RoutingModel;
import cn.civicloop.classifier.RoutingTrainer;

/**
 * Retrains the classifier in the background — nightly, and when an admin asks — from the shipped corpus plus the
 * dispatchers' corrections. A candidate trained on four fifths of the examples replaces the model in service only if
 * it is not worse on the remaining fifth; it is then retrained on everything and activated.
 */
@Configuration(proxyBeanMethods = false)
class ModelRetraining {

    private static final Logger log = LoggerFactory.getLogger(ModelRetraining.class);
    static final String TASK = "routing-retrain";

    /** The outcome of the last retraining on this node, for the admin API. */
    record Result(Instant at, int examples, boolean replaced, String reason) {
    }

    private static volatile Result last;

    @Bean
    OneTimeTask<Void> routingRetrainTask(ObjectProvider<ActiveModel> model, ObjectProvider<TriageRecords> records,
            Clock clock) {
        return Tasks.oneTime(TASK).execute((instance, ctx) -> retrain(model.getObject(), records.getObject(), clock));
    }

    @Bean
    RecurringTask<Void> nightlyRoutingRetrainTask(ObjectProvider<ActiveModel> model,
            ObjectProvider<TriageRecords> records, Clock clock) {
        return Tasks.recurring(TASK + "-nightly", Schedules.daily(java.time.LocalTime.of(2, 30)))
                .execute((instance, ctx) -> retrain(model.getObject(), records.getObject(), clock));
    }

    static void request(SchedulerClient scheduler, OneTimeTask<Void> task, Instant now) {
        scheduler.scheduleIfNotExists(task.instance("requested-" + now.toEpochMilli()), now);
    }

    static Result last() {
        return last;
    }

    static Result retrain(ActiveModel active, TriageRecords records, Clock clock) {
        List<RoutingExample> all = new ArrayList<>(active.seedExamples());
        records.feedback().forEach(f -> all.add(new RoutingExample(f[0], f[1], f[2])));
        List<RoutingExample> train = new ArrayList<>();
        List<RoutingExample> heldOut = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 5 == 4 ? heldOut : train).add(all.get(i));
        }
        RoutingModel candidate = new RoutingTrainer().train(train);
        ModelReplacement.Decision decision = ModelReplacement.decide(candidate, active.model(), heldOut);
        if (decision.replace()) {
            active.activate(new RoutingTrainer().train(all), decision.candidateMacroF1());
        }
        last = new Result(clock.instant(), all.size(), decision.replace(), decision.reason());
        log.info("Routing retraining on {} examples: {}", all.size(), decision.reason());
        return last;
    }
}
