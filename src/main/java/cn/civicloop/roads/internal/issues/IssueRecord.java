package cn.civicloop.roads.internal.issues;

import java.time.Instant;

/** One row of {@code roads_issue} as the module works with it. */
record IssueRecord(long id, long reporterId, Long segmentId, Long areaId, Long squadId, String title,
        String description, Double lat, Double lon, Instant reportedAt, IssueStatus status, boolean fixedOnSpot,
        Long holderId, int round, Instant heldSince, Instant answeredAt, String caseNumber) {

    boolean pending() {
        return status == IssueStatus.PENDING;
    }
}
