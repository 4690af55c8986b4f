package cn.civicloop.media;

import java.time.Instant;

/**
 * The media centre opened a supervision item (媒体曝光) on a department, about one of its cases or about the
 * department as a whole ({@code caseNumber} null). Counted by the evaluation as supervision (督办件数).
 */
public record SupervisionOpened(long itemId, String caseNumber, long departmentId, Instant occurredAt) {
}
