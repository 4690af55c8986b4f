package cn.civicloop.cases;

import java.time.Instant;

/** One line of a case's history: who did what, when and why. */
public record TimelineEntry(long id, Instant at, CaseAction action, String actionLabel, CaseStatus fromStatus,
        CaseStatus toStatus, String actorName, String actorRole, String reason, Long departmentId,
        String departmentName, boolean publicEntry) {
}
