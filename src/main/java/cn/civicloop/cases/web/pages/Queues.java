package cn.civicloop.cases.web.pages;

import java.util.ArrayList;
import java.util.List;

import cn.civicloop.cases.CaseQueries.Work;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/** The work queues a staff member sees on the workbench, by role (the first one is shown by default). */
final class Queues {

    /**
     * A named queue: a status, or {@code null} with the part of the history it lists ({@code work}): "all" is the open
     * work, "ended" the cases that ended, so no queue opens on years of history by default. {@code ownPart}: the
     * status of the department's own part, the case it holds or its co-handling task (a handler's 待签收 and 办理中).
     */
    record Queue(String key, String labelKey, CaseStatus status, boolean ownPart, Work work) {
        Queue(String key, String labelKey, CaseStatus status) {
            this(key, labelKey, status, false, Work.ANY);
        }

        Queue(String key, String labelKey, CaseStatus status, boolean ownPart) {
            this(key, labelKey, status, ownPart, Work.ANY);
        }
    }

    private Queues() {
    }

    static List<Queue> of(Actor actor) {
        List<Queue> queues = new ArrayList<>();
        if (actor.has(Role.OPERATOR)) {
            queues.add(new Queue("submitted", "staff.queue.submitted", CaseStatus.SUBMITTED));
            queues.add(new Queue("review", "staff.queue.review", CaseStatus.REPLIED));
            queues.add(new Queue("follow-up", "staff.queue.followUp", CaseStatus.AWAITING_FOLLOW_UP));
        }
        if (actor.has(Role.TRIAGE_OFFICER)) {
            queues.add(new Queue("dispatch", "staff.queue.dispatch",
                    actor.districtWide() ? CaseStatus.REGISTERED : CaseStatus.ASSIGNED));
            queues.add(new Queue("returns", "staff.queue.returns", CaseStatus.RETURN_REQUESTED));
            queues.add(new Queue("extensions", "staff.queue.extensions", CaseStatus.EXTENSION_REQUESTED));
        }
        if (actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD)) {
            queues.add(new Queue("to-sign", "staff.queue.toSign", CaseStatus.ASSIGNED, true));
            queues.add(new Queue("in-progress", "staff.queue.inProgress", CaseStatus.IN_PROGRESS, true));
        }
        queues.add(new Queue("all", "staff.queue.all", null, false, Work.OPEN));
        queues.add(new Queue("ended", "staff.queue.ended", null, false, Work.ENDED));
        return queues;
    }

    static Queue find(Actor actor, String key) {
        List<Queue> queues = of(actor);
        return queues.stream().filter(q -> q.key().equals(key)).findFirst().orElse(queues.get(0));
    }
}
