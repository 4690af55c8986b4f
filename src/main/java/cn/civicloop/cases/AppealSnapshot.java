package cn.civicloop.cases;

import java.time.Instant;

/** The text, place and time of a case, for triage (classification, duplicates); no personal data. */
public record AppealSnapshot(String number, CaseStatus status, Channel channel, String title, String content,
        Double lat, Double lon, String streetCode, String communityCode, String gridCode, Long departmentId,
        Instant createdAt) {
}
