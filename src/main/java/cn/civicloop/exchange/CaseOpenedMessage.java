package cn.civicloop.exchange;

import org.springframework.modulith.events.Externalized;

/** A case was opened (立案): channel, kind, urgency, street and handling deadline; never the appeal's text or contact. */
@Externalized("civicloop.cases::#{key()}")
public record CaseOpenedMessage(int schemaVersion, String type, String eventId, String caseNumber, String occurredAt,
        String channel, String kind, String urgency, String streetCode, String dueAt) implements ExternalEvent {

    public static final String TYPE = "case.opened";

    @Override
    public String key() {
        return caseNumber;
    }
}
