package cn.civicloop.roads.internal;

import java.io.Serializable;

/** The data of one answer timer: the issue and the holding round it belongs to (a later round makes it moot). */
public record IssueDue(long issueId, int round) implements Serializable {

    public String instanceId() {
        return issueId + ":" + round;
    }
}
