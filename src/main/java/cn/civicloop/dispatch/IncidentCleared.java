package cn.civicloop.dispatch;

import java.time.Instant;

/**
 * The last unit on an incident cleared (处置完毕): the incident is over for the police. Carries the lifecycle stamps
 * from which response times are computed, and no caller, summary or address.
 *
 * @param firstOnsceneAt null when no unit reported its arrival
 * @param units          how many units were sent to it
 */
public record IncidentCleared(String number, String line, IncidentType type, int priority, String blockCode,
        Instant receivedAt, Instant firstDispatchedAt, Instant firstOnsceneAt, int units, Instant occurredAt) {
}
