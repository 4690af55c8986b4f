package cn.civicloop.knowledge.internal;

import java.time.LocalDate;

/**
 * What an editor writes: a new article, or a change to one.
 *
 * @param bodyHtml the text as HTML; cleaned by {@link ArticleHtml} before it is stored
 */
public record ArticleDraft(String title, String bodyHtml, String category, Long departmentId, LocalDate validFrom,
        LocalDate validUntil, String sourceDocument, String note) {
}
