package cn.civicloop.roads.internal.issues;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.IssueDue;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.RoadsProperties;

/**
 * The answer timer of each holding round (db-scheduler, written in the transaction that gives the issue to its
 * holder). When it fires and the holder has not answered, the issue goes one level up and a new round starts; at
 * the first level it is marked overdue. The step it writes is unique per issue and round, so this happens once
 * whichever node runs the timer and however often.
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

    IssueTimers(IssueStore store, RoadData data, SchedulerClient scheduler, OneTimeTask<IssueDue> roadIssueAnswerTask,
            RoadsProperties properties, Clock clock) {
        this.store = store;
        this.data = data;
        this.scheduler = scheduler;
        this.task = roadIssueAnswerTask;
        this.properties = properties;
        this.clock = clock;
    }

    /** Gives the issue to {@code holder} for holding round {@code round} from {@code since}, with its answer timer. */
    void hold(long id, Chief holder, int round, Instant since) {
        store.hold(id, holder, round, since);
        IssueDue due = new IssueDue(id, round);
        scheduler.scheduleIfNotExists(task.instance(due.instanceId(), due), since.plus(properties.answerWithin(holder.level())));
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
        Instant now = clock.instant();
        IssueAction action = next.isPresent() ? IssueAction.AUTO_ESCALATED : IssueAction.OVERDUE;
        IssueTransitions.require(r.status(), action);
        String remark = holder.levelLabel() + holder.name() + "超过 " + properties.answerWithin(holder.level()).toMinutes()
                + " 分钟未处置" + next.map(n -> "，自动报" + n.levelLabel() + n.name()).orElse("，已超时");
        if (!store.stepOnce(r.id(), now, action, holder.id(), next.map(Chief::id).orElse(null), due.round(), remark)) {
            return;
        }
        next.ifPresent(n -> hold(r.id(), n, r.round() + 1, now));
        log.info("Road issue {}: {}", r.id(), remark);
    }
}
