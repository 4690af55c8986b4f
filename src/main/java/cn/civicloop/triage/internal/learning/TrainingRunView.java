package cn.civicloop.triage.internal.learning;

import java.time.Instant;

/**
 * A training run as the admin sees it: where it stands (RUNNING, DONE, FAILED, CANCELLED), its phase, what it learnt
 * from, the candidate version it made and the version in service it was compared with, its report, and what the admin
 * decided (ACTIVATED, KEPT).
 */
public record TrainingRunView(long id, String status, String phase, String sources, Integer examples, Integer heldOut,
        String candidateVersion, String inServiceVersion, TrainingReport report, String error, boolean cancelRequested,
        String decision, String decidedBy, String requestedBy, Instant startedAt, Instant finishedAt) {

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
