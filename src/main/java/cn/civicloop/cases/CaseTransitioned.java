package cn.civicloop.cases;

import java.time.Instant;

/** A case changed: one event per command, mirroring its timeline entry (without free text or personal data). */
public record CaseTransitioned(String number, CaseAction action, CaseStatus from, CaseStatus to,
        Long departmentId, Long actorStaffId, Instant occurredAt) {
}
