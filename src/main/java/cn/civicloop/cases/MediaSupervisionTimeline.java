package cn.civicloop.cases;

import cn.civicloop.directory.Actor;

/**
 * The media centre's supervision of a case (融媒体监督) on the case's own timeline: each step of a supervision item
 * on a case is written as a {@link CaseAction#MEDIA_SUPERVISION} entry with who, when and why, in the caller's
 * transaction. The entries are internal (staff read them on the case); what is public of an item is on the board.
 */
public interface MediaSupervisionTimeline {

    /** The steps of an item that reach the case's timeline, and who takes each. */
    enum Step {
        /** the media centre opened the item ({@code MEDIA_OFFICER}) */
        OPENED,
        /** the department gave its public response (its {@code HANDLER} or {@code DEPT_HEAD}) */
        RESPONDED,
        /** the media centre published the item on the public board ({@code MEDIA_OFFICER}) */
        PUBLISHED
    }

    /**
     * Writes the step of item {@code itemId} on case {@code number}'s timeline; the case's status does not change.
     *
     * @param why the item's title (opened), the response (responded) or the reason given (published; may be blank)
     * @throws cn.civicloop.shared.NotFoundException  when there is no such case
     * @throws cn.civicloop.shared.ForbiddenException when {@code actor} does not hold the role that takes the step
     */
    void record(String number, Step step, long itemId, String why, Actor actor);
}
