package cn.civicloop.board;

import java.time.Instant;

/**
 * The media centre's supervision items (曝光) as the public board shows them. The board keeps only what it is given
 * here, when the media centre publishes, so nothing unpublished can reach it. The caller vouches that the texts
 * carry no personal data.
 */
public interface BoardItems {

    /** Shows the item, or replaces what was shown of it (a later publication, e.g. with the response). */
    void publish(Item item);

    /**
     * A supervision item as published.
     *
     * @param subject    CASE or DEPARTMENT
     * @param caseNumber the case it concerns, null for an item on a department
     * @param response   the department's public response as published, null while there is none
     * @param overdue    the department did not respond by the deadline
     */
    record Item(long id, String title, String subject, String departmentName, String caseNumber, String body,
            Instant publishedAt, String response, Instant respondedAt, boolean overdue) {
    }
}
