package cn.civicloop.roads.internal.issues;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.roads.ChiefAnswerSettled;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.IssueDue;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.RoadsProperties;

/**
 * The answer timer of each holding round (db-scheduler, written in the transaction that gives the issue to its
 * holder, due when the round's answer limit passes). When it fires and the holder has not answered, the issue goes
 * one level up and a new round starts; at the first level it is marked overdue. Both are recorded at the moment
 * the limit passed, not when a node got round to it: after a downtime the record says when the holder's time ran
 * out, and the next round's limit counts from then, so a chain of missed limits catches up at once. The step is
 * unique per issue and round, so this happens once whichever node runs the timer and however often.
 */
@Component
public class IssueTimers {

    private static final Logger log = LoggerFactory.getLogger(IssueTimers.class);

    private final IssueStore store;
    private final RoadData data;
    private final SchedulerClient scheduler;
    private final OneTimeTask<IssueDue> task;
    private final RoadsProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IssueTimers(IssueStore store, RoadData data, SchedulerClient scheduler, OneTimeTask<IssueDue> roadIssueAnswerTask,
            RoadsProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.data = data;
        this.scheduler = scheduler;
        this.task = roadIssueAnswerTask;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** Gives the issue to {@code holder} for holding round {@code round} from {@code since}, with its answer timer. */
    void hold(long id, Chief holder, int round, Instant since) {
        store.hold(id, holder, round, since);
        IssueDue due = new IssueDue(id, round);
        scheduler.scheduleIfNotExists(task.instance(due.instanceId(), due), since.plus(properties.answerWithin(holder.level())));
    }

    /**
     * Moves the timer of the issue's current round to the end of the round's answer limit, counted from the stored
     * start of the round: for records whose times were set after the fact (the demo's week of activity). A timer
     * that is no longer pending (fired, or the round is over) is left alone.
     */
    public void replan(long issueId) {
        IssueRecord r = store.find(issueId).orElseThrow();
        if (r.heldSince() == null || r.holderId() == null) {
            return;
        }
        Chief holder = data.chief(r.holderId()).orElseThrow();
        TaskInstanceId timer = TaskInstanceId.of(IssueDue.TASK, new IssueDue(issueId, r.round()).instanceId());
        if (scheduler.getScheduledExecution(timer).filter(e -> !e.isPicked()).isPresent()) {
            scheduler.reschedule(timer, r.heldSince().plus(properties.answerWithin(holder.level())));
        }
    }

    /**
     * Tells other modules (evaluation) whether the holder of the issue's current round answered within its limit:
     * once per round, when he answers ({@code answeredAt}) or when the limit passed unanswered (null).
     */
    void settled(IssueRecord r, Chief holder, Instant answeredAt) {
        if (r.heldSince() == null) {
            return;
        }
        String area = r.areaId() == null ? null : data.areaCode(r.areaId()).orElse(null);
        events.publishEvent(new ChiefAnswerSettled(r.id(), r.round(), holder.id(), holder.level(), area,
                r.heldSince(), r.heldSince().plus(properties.answerWithin(holder.level())), answeredAt));
    }

    /**
     * Tells other modules again whether the holder of the issue's current round answered in time, from the stored
     * times: for records whose times were set after the fact (the demo's week), whose first telling carried the
     * moment they were written. Nothing for a round not answered (its timer tells when the limit passes).
     */
    public void retell(long issueId) {
        IssueRecord r = store.find(issueId).orElseThrow();
        if (r.answeredAt() == null || r.holderId() == null) {
            return;
        }
        settled(r, data.chief(r.holderId()).orElseThrow(), r.answeredAt());
    }

    /** The timer of a holding round fired: an issue still pending and unanswered in that round goes up (or is overdue). */
    @Transactional
    public void fire(IssueDue due) {
        IssueRecord r = store.find(due.issueId()).orElse(null);
        if (r == null || !r.pending() || r.round() != due.round() || r.answeredAt() != null) {
            return;
        }
        Chief holder = data.chief(r.holderId()).orElseThrow();
        Optional<Chief> next = data.nextLevel(holder);
        Instant limit = r.heldSince().plus(properties.answerWithin(holder.level()));
        Instant now = clock.instant();
        Instant at = limit.isBefore(now) ? limit : now;
        IssueAction action = next.isPresent() ? IssueAction.AUTO_ESCALATED : IssueAction.OVERDUE;
        IssueTransitions.require(r.status(), action);
        // no remark: the page words the step from the bundles (who held it, whom it went to) in its own language
        if (!store.stepOnce(r.id(), at, action, holder.id(), next.map(Chief::id).orElse(null), due.round(), null)) {
            return;
        }
        settled(r, holder, null);
        next.ifPresent(n -> hold(r.id(), n, r.round() + 1, at));
        log.info("Road issue {}: {} unanswered by chief {} within {} min", r.id(), action, holder.id(),
                properties.answerWithin(holder.level()).toMinutes());
    }
}
