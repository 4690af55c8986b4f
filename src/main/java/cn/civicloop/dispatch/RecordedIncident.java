package cn.civicloop.dispatch;

import java.time.Instant;

/**
 * One incident (警情) as the 110 service recorded it, reduced to what analysis needs: when and where (WGS84), how
 * urgent, and the stamps of its response (null where the step never happened, e.g. a call cancelled before dispatch).
 *
 * @param blockCode         the block the place lies in (null when outside every block)
 * @param firstDispatchedAt the first order to a unit
 * @param firstOnsceneAt    the first unit on scene
 * @param clearedAt         every unit cleared
 */
public record RecordedIncident(String number, IncidentType type, int priority, IncidentStatus status, double lat,
        double lon, String blockCode, Instant receivedAt, Instant firstDispatchedAt, Instant firstEnrouteAt,
        Instant firstOnsceneAt, Instant clearedAt) {
}
