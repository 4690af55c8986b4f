package cn.civicloop.exchange;

import org.springframework.modulith.events.Externalized;

/**
 * A police unit was sent to a 110/122 incident (派警); once per unit. No caller, summary or address.
 *
 * @param first whether this is the incident's first unit
 */
@Externalized("civicloop.incidents::#{key()}")
public record IncidentDispatchedMessage(int schemaVersion, String type, String eventId, String incidentNumber,
        String occurredAt, String line, String incidentType, int priority, String blockCode, String unitCode,
        boolean first, String receivedAt) implements ExternalEvent {

    public static final String TYPE = "incident.dispatched";

    @Override
    public String key() {
        return incidentNumber;
    }
}
