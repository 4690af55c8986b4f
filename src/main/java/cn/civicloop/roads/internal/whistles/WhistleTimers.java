package cn.civicloop.roads.internal.whistles;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.roads.internal.WhistleDue;

/**
 * The two limit timers of a whistle (db-scheduler, written with the whistle). When one fires, every named department
 * still missing that step is flagged overdue once, with a note on the whistle (notify has no inbox API for other
 * modules, so the flag and the note are the notification), stamped at the moment the limit passed. The note keeps
 * no sentence: the page and the API word it from its missed limit in their reader's language. The flag is set
 * only where it is not yet set, so a timer run twice or on two nodes flags each department once.
 */
@Component
public class WhistleTimers {

    private static final Logger log = LoggerFactory.getLogger(WhistleTimers.class);

    private final WhistleStore store;
    private final SchedulerClient scheduler;
    private final OneTimeTask<WhistleDue> task;
    private final Clock clock;

    WhistleTimers(WhistleStore store, SchedulerClient scheduler, OneTimeTask<WhistleDue> roadWhistleTask, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.task = roadWhistleTask;
        this.clock = clock;
    }

    void schedule(long whistleId, WhistleLimit limit, Instant at) {
        WhistleDue due = new WhistleDue(whistleId, limit.name());
        scheduler.scheduleIfNotExists(task.instance(due.instanceId(), due), at);
    }

    /**
     * Moves the whistle's limit timers to its stored time of blowing plus each limit: for records whose times were
     * set after the fact (the demo's week of activity). Timers no longer pending are left alone.
     */
    public void replan(long whistleId) {
        WhistleView w = store.find(whistleId).orElseThrow();
        for (WhistleLimit limit : WhistleLimit.values()) {
            TaskInstanceId timer = TaskInstanceId.of(WhistleDue.TASK, new WhistleDue(whistleId, limit.name()).instanceId());
            if (scheduler.getScheduledExecution(timer).filter(e -> !e.isPicked()).isPresent()) {
                scheduler.reschedule(timer, limit.dueAt(w));
            }
        }
    }

    @Transactional
    public void fire(WhistleDue due) {
        WhistleLimit limit = WhistleLimit.valueOf(due.kind());
        Instant dueAt = store.find(due.whistleId()).map(limit::dueAt).orElse(null);
        Instant now = clock.instant();
        Instant at = dueAt != null && dueAt.isBefore(now) ? dueAt : now;
        for (long department : store.missing(due.whistleId(), limit)) {
            if (store.flagOverdue(due.whistleId(), department, limit, at)) {
                // the note is data (the department and the limit it missed); whoever reads it words it
                String name = store.departmentName(due.whistleId(), department);
                store.note(due.whistleId(), WhistleView.Note.SYSTEM, name, "", at, limit);
                log.info("Whistle {}: department {} missed its {} limit", due.whistleId(), department, limit);
            }
        }
    }
}
