package cn.civicloop.cases;

import java.time.Instant;

/**
 * The answer to a submission.
 *
 * @param trackingToken the secret the resident needs to follow the case; only the answer that created the case
 *                      carries it, a replay of the same channel reference gets {@code null}
 * @param created       false when the same channel + external reference had already created this case
 */
public record OpenedCase(String number, String trackingToken, CaseStatus status, String statusLabel,
        Instant expectedCompletion, boolean created) {
}
