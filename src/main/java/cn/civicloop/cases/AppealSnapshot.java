package cn.civicloop.cases;

import java.time.Instant;

/**
 * The text, place, time and holder (department and unit) of a case, for triage (classification, duplicates) and for
 * the listeners that need no more of it; no personal data.
 */
public record AppealSnapshot(String number, CaseStatus status, Channel channel, String title, String content,
        Double lat, Double lon, String streetCode, String communityCode, String gridCode, Long departmentId,
        Long unitId, Instant createdAt) {
}
