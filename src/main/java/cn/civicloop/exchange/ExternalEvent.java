package cn.civicloop.exchange;

/**
 * An event as other systems receive it on Kafka: JSON, one record type per event. Every one starts with the same
 * four fields; times are RFC 3339 with the district's offset (+08:00).
 * <p>
 * {@code eventId} is derived from the event itself (kind, key, time and what distinguishes two events of the same
 * instant), so a copy delivered twice — a send whose acknowledgement was lost, then resubmitted — carries the same
 * id and a consumer drops it. {@code schemaVersion} grows only when a field is removed or changes meaning; new
 * optional fields keep it (docs/events.md).
 */
public sealed interface ExternalEvent permits CaseOpenedMessage, CaseAssignedMessage, CaseRepliedMessage,
        CaseClosedMessage, CaseEscalatedMessage, IncidentDispatchedMessage, IncidentClearedMessage, WhistleBlownMessage {

    /** The version of every schema this code writes. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    /** What happened, e.g. {@code case.assigned}; also the header {@code civicloop_event_type}. */
    String type();

    String eventId();

    String occurredAt();

    /** The Kafka key: the case, incident or whistle number. */
    String key();
}
