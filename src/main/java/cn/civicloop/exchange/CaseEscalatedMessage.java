package cn.civicloop.exchange;

import org.springframework.modulith.events.Externalized;

/**
 * A clock of a case passed a step of the escalation ladder (超时提醒, 督办, 通报).
 *
 * @param stage   SIGN, CONTACT, HANDLE, REVIEW or FOLLOW_UP
 * @param percent the share of the stage's limit used when the step fired
 * @param step    REMIND, SUPERVISE or CIRCULATE
 */
@Externalized("civicloop.cases::#{key()}")
public record CaseEscalatedMessage(int schemaVersion, String type, String eventId, String caseNumber,
        String occurredAt, String stage, int percent, String step, String departmentCode, String dueAt)
        implements ExternalEvent {

    public static final String TYPE = "case.escalated";

    @Override
    public String key() {
        return caseNumber;
    }
}
