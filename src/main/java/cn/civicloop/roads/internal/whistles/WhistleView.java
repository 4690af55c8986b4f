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

    /** {@code missedLimit}: ACK or REPORT when the timer wrote it of a department that missed that limit, else null. */
    public record Note(Instant at, String author, String departmentName, String text, String missedLimit) {
    }
}
