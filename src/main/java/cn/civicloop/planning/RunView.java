package cn.civicloop.planning;

import java.time.Instant;

/**
 * A run as it stands.
 *
 * @param cancelledBy who asked a running run to stop (null when nobody did)
 * @param request the completed request (every default filled in)
 * @param result  the figures, once {@link RunStatus#DONE}
 * @param error   why it failed, for {@link RunStatus#FAILED}
 */
public record RunView(long id, RunStatus status, String requestedBy, Instant requestedAt, Instant startedAt,
        Instant finishedAt, String cancelledBy, RunRequest request, Comparison result, String error) {
}
