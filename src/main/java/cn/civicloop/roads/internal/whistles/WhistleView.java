package cn.civicloop.roads.internal.whistles;

import java.time.Instant;
import java.util.List;

/**
 * A whistle (吹哨) with the departments it named and their reports (报到).
 *
 * @param blowerName  who blew it: a chief's name, or a street's name and the person's (earlier rows held a chief's
 *                    level in Chinese before his name)
 * @param blowerLevel the level of the chief who blew it (1 to 3), null when no chief did; the page names it
 */
public record WhistleView(long id, String title, String description, String areaName, String segmentCode,
        String blowerName, long blowerStaffId, Instant blownAt, Instant ackDue, Instant reportDue, String status,
        Instant resolvedAt, String resolution, List<Responder> departments, List<Note> notes, Integer blowerLevel) {

    public record Responder(long departmentId, String departmentName, Instant acknowledgedAt, Instant reportedAt,
            boolean ackOverdue, boolean reportOverdue, Instant releasedAt, Integer rating, String ratingComment) {
    }

    /** The same whistle with its notes as given (worded for a reader). */
    public WhistleView withNotes(List<Note> worded) {
        return new WhistleView(id, title, description, areaName, segmentCode, blowerName, blowerStaffId, blownAt, ackDue,
                reportDue, status, resolvedAt, resolution, departments, worded, blowerLevel);
    }

    /**
     * A note on the whistle: a person's words, or the timer's record of a department that missed a limit.
     *
     * @param author      the person's name; {@link #SYSTEM} for the timer's note (earlier rows hold 系统)
     * @param text        the person's words; empty for the timer's note, which is worded from {@code missedLimit}
     *                    (earlier rows hold a Chinese sentence)
     * @param missedLimit ACK or REPORT when the timer wrote it of a department that missed that limit, else null
     */
    public record Note(Instant at, String author, String departmentName, String text, String missedLimit) {

        /** The author of the timer's notes: no name, the reader's word for the system. */
        public static final String SYSTEM = "system";
    }
}
