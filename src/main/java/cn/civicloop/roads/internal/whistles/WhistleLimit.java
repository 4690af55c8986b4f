package cn.civicloop.roads.internal.whistles;

import java.time.Instant;

/**
 * The two limits of a named department, each with its db-scheduler timer: acknowledge (ACK) and report on site
 * (REPORT); the name is the {@code kind} of {@link cn.civicloop.roads.internal.WhistleDue}.
 */
enum WhistleLimit {
    ACK("acknowledged_at", "ack_overdue_at"),
    REPORT("reported_at", "report_overdue_at");

    /** The column stamped when the department did it. */
    final String doneColumn;
    /** The column stamped when the timer found it not done. */
    final String overdueColumn;

    WhistleLimit(String doneColumn, String overdueColumn) {
        this.doneColumn = doneColumn;
        this.overdueColumn = overdueColumn;
    }

    /** When this limit of the whistle passes. */
    Instant dueAt(WhistleView w) {
        return this == ACK ? w.ackDue() : w.reportDue();
    }
}
