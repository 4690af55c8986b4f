package cn.civicloop.dispatch;

import java.time.Instant;

/**
 * A unit was sent to an incident (派警), once per unit sent; {@code first} for the incident's first unit. Carries no
 * caller, summary or address: what other systems need to follow the incident, nothing they could identify anyone by.
 *
 * @param line       the number called: 110 or 122
 * @param blockCode  the block (块区) the incident lies in, null when outside every block
 * @param receivedAt when the call came in
 */
public record IncidentDispatched(String number, String line, IncidentType type, int priority, String blockCode,
        String unitCode, boolean first, Instant receivedAt, Instant occurredAt) {
}
