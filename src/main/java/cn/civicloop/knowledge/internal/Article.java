package cn.civicloop.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An article of the knowledge base as stored.
 *
 * @param departmentId the department whose editors keep it; {@code null} for the district centre's own
 * @param validUntil   the last day it applies, {@code null} for open-ended
 * @param version      1 for a new article, one more at each change (also the optimistic lock)
 */
public record Article(long id, String title, String bodyHtml, String category, Long departmentId,
        LocalDate validFrom, LocalDate validUntil, String sourceDocument, ArticleStatus status, int version,
        String changedBy, Instant changedAt, String approvedBy, Instant approvedAt) {

    /** Whether it applies on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }

    /** Whether search may suggest it on {@code day}: approved and valid. */
    public boolean suggestibleOn(LocalDate day) {
        return status == ArticleStatus.APPROVED && validOn(day);
    }

    /** The text without markup, for answers and excerpts. */
    public String text() {
        return ArticleHtml.text(bodyHtml);
    }
}
