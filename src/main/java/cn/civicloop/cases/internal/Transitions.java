package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;
import static cn.civicloop.cases.CaseStatus.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;

/**
 * The case state machine as one table: for each status, the actions allowed and the status they lead to.
 * Anything not in the table is refused. Actions that lead back to the same status (a note, a follow-up answer,
 * a unit assignment) are recorded on the timeline like any other.
 * <p>
 * The loop follows the 12345 工单 lifecycle (受理 → 派单 → 签收 → 办理 → 回复 → 审核 → 回访 → 办结) with its
 * exception paths: 退单, 延期, 挂账, 作废/合并, 驳回返工, 回访不满意重办, and one reopening by the resident.
 */
public final class Transitions {

    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> TABLE = new EnumMap<>(CaseStatus.class);

    static {
        allow(SUBMITTED, REGISTER, REGISTERED);
        allow(SUBMITTED, DECLINE, DECLINED);
        allow(SUBMITTED, ANSWER, CLOSED);
        allow(SUBMITTED, VOID, VOIDED);
        allow(SUBMITTED, MERGE, VOIDED);
        allow(SUBMITTED, NOTE, SUBMITTED);

        allow(REGISTERED, ASSIGN, ASSIGNED);
        allow(REGISTERED, ANSWER, CLOSED);
        allow(REGISTERED, VOID, VOIDED);
        allow(REGISTERED, MERGE, VOIDED);
        allow(REGISTERED, NOTE, REGISTERED);

        allow(ASSIGNED, SIGN, IN_PROGRESS);
        allow(ASSIGNED, RETURN, RETURN_REQUESTED);
        allow(ASSIGNED, REASSIGN, ASSIGNED);
        allow(ASSIGNED, ASSIGN_UNIT, ASSIGNED);
        allow(ASSIGNED, VOID, VOIDED);
        allow(ASSIGNED, MERGE, VOIDED);
        allow(ASSIGNED, NOTE, ASSIGNED);

        allow(RETURN_REQUESTED, REASSIGN, ASSIGNED);
        allow(RETURN_REQUESTED, DENY_RETURN, ASSIGNED);
        allow(RETURN_REQUESTED, VOID, VOIDED);
        allow(RETURN_REQUESTED, MERGE, VOIDED);
        allow(RETURN_REQUESTED, NOTE, RETURN_REQUESTED);

        allow(IN_PROGRESS, RETURN, RETURN_REQUESTED);
        allow(IN_PROGRESS, REQUEST_EXTENSION, EXTENSION_REQUESTED);
        allow(IN_PROGRESS, PARK, PARKED);
        allow(IN_PROGRESS, REPLY, REPLIED);
        allow(IN_PROGRESS, MERGE, VOIDED);
        allow(IN_PROGRESS, NOTE, IN_PROGRESS);

        allow(EXTENSION_REQUESTED, APPROVE_EXTENSION, IN_PROGRESS);
        allow(EXTENSION_REQUESTED, DENY_EXTENSION, IN_PROGRESS);
        allow(EXTENSION_REQUESTED, NOTE, EXTENSION_REQUESTED);

        allow(PARKED, RESUME, IN_PROGRESS);
        allow(PARKED, NOTE, PARKED);

        allow(REPLIED, APPROVE, AWAITING_FOLLOW_UP);
        allow(REPLIED, REJECT, IN_PROGRESS);
        allow(REPLIED, NOTE, REPLIED);

        allow(AWAITING_FOLLOW_UP, FOLLOW_UP, AWAITING_FOLLOW_UP);
        allow(AWAITING_FOLLOW_UP, CLOSE, CLOSED);
        allow(AWAITING_FOLLOW_UP, REWORK, IN_PROGRESS);
        allow(AWAITING_FOLLOW_UP, NOTE, AWAITING_FOLLOW_UP);

        // A reopened case goes back to its department, which must sign for it again. A case answered directly
        // has no department and goes back to the dispatcher instead (see Case#reopenTarget).
        allow(CLOSED, REOPEN, ASSIGNED);
        allow(CLOSED, NOTE, CLOSED);

        allow(RETURN_REQUESTED, ARBITRATE, ASSIGNED);
        for (CaseStatus held : List.of(IN_PROGRESS, EXTENSION_REQUESTED, PARKED)) {
            allow(held, CONTACT, held);
        }
        // Supervision and co-handling accompany a case while a department holds it; they do not move it.
        for (CaseStatus held : List.of(ASSIGNED, IN_PROGRESS, EXTENSION_REQUESTED, PARKED)) {
            for (CaseAction action : List.of(URGE, SUPERVISE, ACKNOWLEDGE, RELEASE_CO_HANDLER, CO_SIGN, CO_REPLY,
                    CO_RETURN)) {
                allow(held, action, held);
            }
        }
        for (CaseStatus held : List.of(ASSIGNED, IN_PROGRESS, EXTENSION_REQUESTED)) {
            allow(held, ADD_CO_HANDLER, held);
        }
    }

    private Transitions() {
    }

    private static void allow(CaseStatus from, CaseAction action, CaseStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

    /** The status {@code action} leads to from {@code from}, or empty if the action is not allowed there. */
    public static Optional<CaseStatus> target(CaseStatus from, CaseAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    public static Set<CaseAction> allowedIn(CaseStatus status) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(status, Map.of()).keySet());
    }
}
