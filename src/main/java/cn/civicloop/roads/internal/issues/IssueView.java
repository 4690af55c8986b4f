package cn.civicloop.roads.internal.issues;

import java.time.Instant;
import java.util.List;

/**
 * An issue found on the road as chiefs and leaders see it, with its history and, once a case, its progress.
 * {@code answerDue} is when the holder's answer limit passes (pending and unanswered only); {@code overdue} says the
 * issue went past a limit at the first level (marked by the timer) or is past its limit now.
 */
public record IssueView(long id, String title, String description, String status, String statusLabel,
        boolean fixedOnSpot, String segmentCode, String roadName, String areaName, String squadName,
        long reporterId, String reporterName, int reporterLevel, Long holderId, String holderName, Integer holderLevel,
        Instant reportedAt, Instant heldSince, Instant answeredAt, Instant answerDue, boolean overdue, String caseNumber,
        String caseStatus, String caseDepartment, Double lat, Double lon, int photos, List<Step> steps) {

    public record Step(Instant at, String actorName, String action, String fromName, String toName, String remark) {
    }
}
