package cn.civicloop.cases;

import java.time.Instant;

/**
 * The answer to a submission.
 *
 * @param trackingToken the secret the resident needs to follow the case; {@code null} when an earlier submission
 *                      with the same channel reference but different content already owns the case
 * @param created       false when the same channel + external reference had already created this case
 */
public record OpenedCase(String number, String trackingToken, CaseStatus status, String statusLabel,
        Instant expectedCompletion, boolean created) {
}
