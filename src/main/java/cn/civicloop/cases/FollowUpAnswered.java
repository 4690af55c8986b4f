package cn.civicloop.cases;

import java.time.Instant;

/**
 * A follow-up answer (回访) was recorded, by a resident on his tracking page or by an operator on the phone. A
 * dissatisfied or unresolved answer is the centre's to act on (rework or explain), so it is announced on its own:
 * the transition event carries no verdict.
 *
 * @param departmentId the department that handled the case
 */
public record FollowUpAnswered(String number, boolean resolved, Satisfaction satisfaction, Long departmentId,
        Long actorStaffId, Instant occurredAt) {

    /** Whether the answer says the matter is not settled: unresolved, or the resident is dissatisfied. */
    public boolean unsettled() {
        return !resolved || satisfaction == Satisfaction.DISSATISFIED;
    }
}
