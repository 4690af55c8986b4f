package cn.civicloop.roads.internal.whistles;

import java.time.Instant;

/**
 * The two limits of a named department, each with its db-scheduler timer: acknowledge (ACK) and report on site
 * (REPORT); the name is the {@code kind} of {@link cn.civicloop.roads.internal.WhistleDue}.
 */
enum WhistleLimit {
    ACK("acknowledged_at", "ack_overdue_at", "未在时限内响应吹哨"),
    REPORT("reported_at", "report_overdue_at", "未在时限内到场报到");

    /** The column stamped when the department did it. */
    final String doneColumn;
    /** The column stamped when the timer found it not done. */
    final String overdueColumn;
    /** What the note on the whistle says of a department that missed it. */
    final String missed;

    WhistleLimit(String doneColumn, String overdueColumn, String missed) {
        this.doneColumn = doneColumn;
        this.overdueColumn = overdueColumn;
        this.missed = missed;
    }

    /** When this limit of the whistle passes. */
    Instant dueAt(WhistleView w) {
        return this == ACK ? w.ackDue() : w.reportDue();
    }
}
