package cn.civicloop.dispatch.internal;

import java.time.Instant;

import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.geo.GeoPoint;

/**
 * An incident (警情) as stored, with every stamp of its lifecycle. {@code place} is null until the desk knows where
 * the incident is; such an incident is neither ranked nor dispatched.
 */
public record IncidentRecord(long id, String number, String line, IncidentType type, int priority, IncidentStatus status,
        String summary, String address, GeoPoint place, String blockCode, String callerName, String callerPhone,
        String takenBy, String commanderUnit, Instant receivedAt, Instant enteredAt, Instant firstDispatchedAt,
        Instant firstEnrouteAt, Instant firstOnsceneAt, Instant clearedAt, Instant cancelledAt, Instant divertedAt,
        Instant closedAt, String caseNumber, String linkageDepartment) {

    public boolean placed() {
        return place != null;
    }
}
