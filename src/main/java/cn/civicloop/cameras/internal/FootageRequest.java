package cn.civicloop.cameras.internal;

import java.time.Instant;
import java.util.List;

/**
 * A footage request (调取视频): on a subject (a case, an online-opinion topic, a 110 incident), for some cameras and a
 * time span, with the purpose, due on the business calendar; answered by the video centre with a reference to the
 * archived footage (an archive id or an address, and the span it covers) or with the reason there is none.
 *
 * @param status {@code OPEN}, {@code ANSWERED} (footage found) or {@code NO_FOOTAGE}
 */
public record FootageRequest(long id, String subjectKind, String subjectRef, List<String> cameraCodes, Instant from,
        Instant to, String purpose, String requestedBy, String requesterName, Long departmentId,
        Instant requestedAt, Instant dueAt, String status, String archiveRef, Instant answerFrom, Instant answerTo,
        String answerText, String answeredBy, Instant answeredAt, int version, boolean overdue) {

    /** Still unanswered at its deadline (now), or answered after it. */
    public boolean late() {
        return overdue || answeredAt != null && answeredAt.isAfter(dueAt);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
