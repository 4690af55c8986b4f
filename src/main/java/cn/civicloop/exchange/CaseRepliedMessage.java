package cn.civicloop.exchange;

import org.springframework.modulith.events.Externalized;

/**
 * The handling department reported the case done (办结反馈), or the centre answered it directly (直接答复); the text
 * of the reply stays inside.
 *
 * @param action REPLY or ANSWER
 */
@Externalized("civicloop.cases::#{key()}")
public record CaseRepliedMessage(int schemaVersion, String type, String eventId, String caseNumber, String occurredAt,
        String action, String status, String departmentCode) implements ExternalEvent {

    public static final String TYPE = "case.replied";

    @Override
    public String key() {
        return caseNumber;
    }
}
