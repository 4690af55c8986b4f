package cn.civicloop.cases;

import java.time.Instant;

/**
 * A clock of a case passed a step of the escalation ladder, e.g. 100 % of the handling limit → supervision.
 * Published once per case, stage, round and step.
 */
public record CaseEscalated(String number, ClockStage stage, int percent, EscalationStep step, Long departmentId,
        Instant dueAt, Instant occurredAt) {
}
