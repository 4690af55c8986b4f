package cn.civicloop.cases.internal.sla;

import java.io.Serializable;

/**
 * The data of one escalation timer. The task instance id is built from all of it, so the same step of the same
 * plan is scheduled once however often the plan is written.
 */
public record EscalationDue(long caseId, String stage, int round, int generation, int percent) implements Serializable {

    public String instanceId() {
        return caseId + ":" + stage + ":" + round + ":" + generation + ":" + percent;
    }
}
