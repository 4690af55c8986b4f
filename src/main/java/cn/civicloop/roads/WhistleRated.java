package cn.civicloop.roads;

import java.time.Instant;

/** The whistle-blower rated a department that reported on site, 1–5; each department is rated once per whistle. */
public record WhistleRated(long whistleId, long departmentId, int score, Instant occurredAt) {
}
