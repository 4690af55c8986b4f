package cn.civicloop.cases;

import java.time.Instant;

/** A new case exists (立案/登记). */
public record CaseOpened(String number, Channel channel, AppealKind kind, Urgency urgency, String streetCode,
        Instant dueAt, Instant occurredAt) {
}
