package cn.civicloop.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.NotFoundException;

/**
 * Gives the cases that are older than the module their facts: reads every case through the cases' public query API
 * as the system (pages of the case list, newest first, then each case's timeline) and replays its evaluated steps
 * through {@link CaseFacts#record}, the listener's own code, so a replayed step writes the row the event would have.
 * Idempotent by the facts' unique source keys: a case whose events were already recorded gains nothing. Each page
 * is one transaction together with the stored cursor, so a run resumed elsewhere starts at the first unfinished page.
 * Runs as the db-scheduler task {@link BackfillTask} (one node of a cluster at a time).
 * <p>
 * What the timeline cannot give back: deadlines missed without a step (a signing or handling deadline that passed
 * with nothing done: the escalation events are not in the timeline), and deadlines of earlier rounds (the case keeps
 * the current clock of each stage only, ADR 0030).
 */
@Component
public class Backfill {

    /** Cases per page: the case list's largest page. */
    static final int PAGE = 100;

    /** Where the backfill stands. */
    public record Progress(String status, int nextPage, long casesRead, long factsAdded, String requestedBy,
            Instant requestedAt, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final CaseFacts facts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Audit audit;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<Void> task;

    Backfill(JdbcClient jdbc, CaseQueries cases, CaseFacts facts, TransactionTemplate tx, Clock clock, Audit audit,
            ObjectProvider<SchedulerClient> scheduler, @Lazy OneTimeTask<Void> evaluationBackfillTask) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.facts = facts;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.scheduler = scheduler;
        this.task = evaluationBackfillTask;
    }

    /**
     * Asks for a run by {@code actor} (recorded with his reason): scheduled now on whichever node picks it; false
     * when a run is already scheduled or running (one instance id), which then goes on.
     */
    public boolean request(String actor, String reason) {
        // a running backfill keeps its status: it is what a node taking it over resumes from
        jdbc.sql("update evaluation_backfill set requested_by = ?, requested_at = ?, status = case when status ="
                + " 'RUNNING' then status else 'REQUESTED' end where id = 1")
                .params(actor, Timestamp.from(clock.instant())).update();
        boolean scheduled = scheduler.getObject().scheduleIfNotExists(task.instance(BackfillTask.INSTANCE),
                clock.instant());
        audit.record(actor, "BACKFILL", "facts", scheduled ? "REQUESTED" : "ALREADY_RUNNING", reason);
        return scheduled;
    }

    public Progress progress() {
        return jdbc.sql("select * from evaluation_backfill where id = 1").query((rs, n) -> new Progress(
                rs.getString("status"), rs.getInt("next_page"), rs.getLong("cases_read"), rs.getLong("facts_added"),
                rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("finished_at")))).single();
    }

    /** Replays every case, from the stored cursor on (page 0 after a finished run); returns where it ended. */
    public Progress run() {
        Progress start = progress();
        boolean resume = "RUNNING".equals(start.status());
        int page = resume ? start.nextPage() : 0;
        if (!resume) {
            jdbc.sql("update evaluation_backfill set status = 'RUNNING', next_page = 0, cases_read = 0,"
                    + " facts_added = 0, finished_at = null where id = 1").update();
        }
        while (true) {
            int current = page;
            Integer read = tx.execute(status -> replayPage(current));
            page++;
            if (read == null || read < PAGE) {
                break;
            }
        }
        jdbc.sql("update evaluation_backfill set status = 'DONE', finished_at = ? where id = 1")
                .param(Timestamp.from(clock.instant())).update();
        return progress();
    }

    /** One page of the case list replayed, and the cursor moved past it, in one transaction. */
    private int replayPage(int page) {
        List<CaseQueries.CaseSummary> items = cases.list(
                new CaseQueries.CaseFilter(null, null, null, null, null, page, PAGE), Actor.system()).items();
        List<String> numbers = items.stream().map(CaseQueries.CaseSummary::number).toList();
        long before = count(numbers);
        numbers.forEach(this::replay);
        long added = count(numbers) - before;
        jdbc.sql("update evaluation_backfill set next_page = ?, cases_read = cases_read + ?,"
                + " facts_added = facts_added + ? where id = 1").params(page + 1, items.size(), added).update();
        return items.size();
    }

    /** The case's evaluated steps, oldest first, as the events that announced them. */
    void replay(String number) {
        CaseView view;
        List<TimelineEntry> timeline;
        try {
            view = cases.view(number, Actor.system());
            timeline = cases.timeline(number, Actor.system());
        } catch (NotFoundException gone) {
            return;
        }
        for (TimelineEntry e : timeline) {
            if (CaseFacts.EVALUATED.contains(e.action())) {
                facts.record(new CaseTransitioned(number, e.action(), e.fromStatus(), e.toStatus(), e.departmentId(),
                        null, e.at(), view.channel()), view);
            }
        }
    }

    /** The facts of these cases (read through the case index; a duplicate merged later may add to another's). */
    private long count(List<String> numbers) {
        if (numbers.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from evaluation_fact where case_number in (:numbers)")
                .param("numbers", numbers).query(Long.class).single();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
