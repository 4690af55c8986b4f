package cn.civicloop.cases;

import java.time.Instant;

/**
 * A case changed: one event per command, mirroring its timeline entry (without free text or personal data).
 * The channel lets a listener that cares about one channel only (the 110 linkage) say so in its condition, so no
 * publication is stored for the others. {@code null} in publications stored before it was added.
 */
public record CaseTransitioned(String number, CaseAction action, CaseStatus from, CaseStatus to,
        Long departmentId, Long actorStaffId, Instant occurredAt, Channel channel) {

    /** Whether a member of staff did it (not the system, not a resident). */
    public boolean byStaff() {
        return actorStaffId != null;
    }
}
