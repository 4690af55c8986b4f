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
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.triage.internal.learning.TrainingSet;
import cn.civicloop.triage.internal.learning.TrainingSources;

/**
 * Retrains the classifier in the background — nightly, and when an admin asks — from the shipped corpus, the imported
 * history and what the case loop taught (closed cases' outcomes weighted over the dispatchers' corrections). A candidate
 * trained outside the held-out part replaces the model in service only if it is not worse on that part; it is then
 * retrained on everything and activated. A worse candidate is never activated.
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
    OneTimeTask<Void> routingRetrainTask(ObjectProvider<ActiveModel> model, ObjectProvider<TrainingSet> examples,
            Clock clock) {
        return Tasks.oneTime(TASK).execute((instance, ctx) -> retrain(model.getObject(), examples.getObject(), clock));
    }

    @Bean
    RecurringTask<Void> nightlyRoutingRetrainTask(ObjectProvider<ActiveModel> model,
            ObjectProvider<TrainingSet> examples, Clock clock) {
        // 02:30 in the district, whatever zone the server's JVM runs in: the quietest hour of the hotline.
        return Tasks.recurring(TASK + "-nightly", Schedules.daily(DistrictTime.ZONE, java.time.LocalTime.of(2, 30)))
                .execute((instance, ctx) -> retrain(model.getObject(), examples.getObject(), clock));
    }

    static void request(SchedulerClient scheduler, OneTimeTask<Void> task, Instant now) {
        scheduler.scheduleIfNotExists(task.instance("requested-" + now.toEpochMilli()), now);
    }

    static Result last() {
        return last;
    }

    static Result retrain(ActiveModel active, TrainingSet examples, Clock clock) {
        List<RoutingExample> all = examples.examples(TrainingSources.everything());
        List<RoutingExample> train = new ArrayList<>();
        List<RoutingExample> heldOut = new ArrayList<>();
        for (RoutingExample e : all) {
            (examples.heldOut(e) ? heldOut : train).add(e);
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
