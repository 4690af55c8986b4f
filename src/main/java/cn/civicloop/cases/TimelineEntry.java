package cn.civicloop.cases;

import java.time.Instant;

/**
 * One line of a case's history: who did what, when and why.
 *
 * @param departmentId        the department the step named: the one assigned to, the co-handler, else the case's
 * @param publicEntry         the resident sees that the step happened
 * @param remarkPublic        the resident sees its remark too (a 受理 note, for one, stays internal though the step is shown)
 * @param actorDepartmentName the department the actor belonged to when he acted (null for residents and the system)
 */
public record TimelineEntry(long id, Instant at, CaseAction action, String actionLabel, CaseStatus fromStatus,
        CaseStatus toStatus, String actorName, String actorRole, String reason, Long departmentId,
        String departmentName, boolean publicEntry, boolean remarkPublic, Long actorDepartmentId,
        String actorDepartmentName) {
}
