package cn.civicloop.board.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the board shows, built at {@code builtAt} and served as is until it is older than the refresh interval.
 * Nothing in it is personal: cases are the anonymised rows, areas and departments are counts.
 *
 * @param next the cursor of the second page of cases, null when there is none
 */
public record BoardSnapshot(Instant builtAt, List<PublicCase> cases, String next, List<AreaFigure> areas,
        List<DepartmentFigure> departments, List<PublishedItem> items) {

    /**
     * A case as the public sees it.
     *
     * @param salutation MR (某先生), MS (某女士) or RESIDENT (某市民)
     * @param photos     the case has photos and the resident agreed that the board says so
     * @param reply      the department's reply, anonymised, once the case is closed; else null
     */
    public record PublicCase(String number, String salutation, String category, String title, String streetName,
            String communityName, String departmentName, String status, boolean open, boolean photos,
            Instant openedAt, Instant updatedAt, Instant closedAt, String reply) {
    }

    /** Open published cases of a street or town (the map colours streets) and of its communities. */
    public record AreaFigure(String streetCode, String streetName, String communityName, long open) {
    }

    /**
     * A department's figures of a month.
     *
     * @param onTimePercent    closed by the deadline among closed, null when none closed
     * @param satisfiedPercent satisfied (满意 or 基本满意) among follow-up answers, null when none
     */
    public record DepartmentFigure(String month, String departmentName, int received, int closed, int closedOnTime,
            Integer onTimePercent, int followUps, int satisfied, Integer satisfiedPercent) {
    }

    /** A supervision item (曝光) the media centre published, with the department's public response if any. */
    public record PublishedItem(long id, String title, String subject, String departmentName, String caseNumber,
            String body, Instant publishedAt, String response, Instant respondedAt, boolean overdue) {
    }
}
