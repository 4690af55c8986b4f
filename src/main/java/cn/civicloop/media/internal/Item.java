package cn.civicloop.media.internal;

import java.time.Instant;

/**
 * A supervision item (曝光): on a case or on a department, with the department's response and where it stands.
 *
 * @param status OPEN (awaiting the response), RESPONDED, ESCALATED (the deadline passed without a response; a later
 *               response is still taken and keeps the mark {@code escalatedAt})
 */
public record Item(long id, String subject, String caseNumber, long departmentId, String title, String body,
        String status, String openedBy, Instant openedAt, Instant dueAt, String response, String respondedBy,
        Instant respondedAt, Instant escalatedAt, Instant publishedAt, int version) {

    public boolean published() {
        return publishedAt != null;
    }

    public boolean overdue() {
        return escalatedAt != null;
    }
}
