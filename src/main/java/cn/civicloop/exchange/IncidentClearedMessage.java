package cn.civicloop.exchange;

import org.springframework.modulith.events.Externalized;

/**
 * The last unit on an incident cleared (处置完毕), with the stamps response times are computed from.
 *
 * @param firstOnsceneAt null when no unit reported its arrival
 * @param units          how many units were sent
 */
@Externalized("civicloop.incidents::#{key()}")
public record IncidentClearedMessage(int schemaVersion, String type, String eventId, String incidentNumber,
        String occurredAt, String line, String incidentType, int priority, String blockCode, String receivedAt,
        String firstDispatchedAt, String firstOnsceneAt, int units) implements ExternalEvent {

    public static final String TYPE = "incident.cleared";

    @Override
    public String key() {
        return incidentNumber;
    }
}
