package cn.civicloop.roads.internal;

import java.io.Serializable;

/** The data of one whistle timer: {@code kind} is ACK (acknowledge) or REPORT (报到 on site). */
public record WhistleDue(long whistleId, String kind) implements Serializable {

    public String instanceId() {
        return whistleId + ":" + kind;
    }
}
