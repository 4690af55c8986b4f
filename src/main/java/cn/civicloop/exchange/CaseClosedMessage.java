package cn.civicloop.exchange;

import org.springframework.modulith.events.Externalized;

/**
 * A case ended: closed after its follow-up (办结), declined (不予受理), voided or merged into another.
 *
 * @param action the command that ended it (CLOSE, DECLINE, VOID, MERGE, …)
 * @param status CLOSED, DECLINED or VOIDED
 */
@Externalized("civicloop.cases::#{key()}")
public record CaseClosedMessage(int schemaVersion, String type, String eventId, String caseNumber, String occurredAt,
        String action, String status) implements ExternalEvent {

    public static final String TYPE = "case.closed";

    @Override
    public String key() {
        return caseNumber;
    }
}
