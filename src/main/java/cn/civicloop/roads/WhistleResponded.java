package cn.civicloop.roads;

import java.time.Instant;

/**
 * A department named by a whistle acknowledged it, or reported on site (报到, which acknowledges too). Sent for every
 * such step; the first time of each counts, so a repeated step changes nothing for a listener that keeps the earliest.
 *
 * @param onSite true for 报到 (on site), false for an acknowledgement only
 */
public record WhistleResponded(long whistleId, long departmentId, boolean onSite, Instant occurredAt) {
}
