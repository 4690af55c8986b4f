package cn.civicloop.roads.internal;

import java.io.Serializable;

/**
 * The data of one answer timer: the issue and the holding round it belongs to (a later round makes it moot).
 * Stored serialized with the pending timer, so its name and package stay as they are.
 */
public record IssueDue(long issueId, int round) implements Serializable {

    /** The db-scheduler task of the answer timers. */
    public static final String TASK = "road-issue-answer-due";

    public String instanceId() {
        return issueId + ":" + round;
    }
}
