package cn.civicloop.roads.internal;

import java.io.Serializable;

/**
 * The data of one whistle timer: {@code kind} is ACK (acknowledge) or REPORT (报到 on site). Stored serialized with
 * the pending timer, so its name and package stay as they are.
 */
public record WhistleDue(long whistleId, String kind) implements Serializable {

    /** The db-scheduler task of the whistle limits. */
    public static final String TASK = "road-whistle-due";

    public String instanceId() {
        return whistleId + ":" + kind;
    }
}
