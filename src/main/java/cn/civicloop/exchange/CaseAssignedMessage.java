package cn.civicloop.exchange;

import org.springframework.modulith.events.Externalized;

/**
 * A case went to a department or unit (派单, 改派, 二级派单, 终审派单).
 *
 * @param action         ASSIGN, REASSIGN, ASSIGN_UNIT or ARBITRATE
 * @param departmentCode the directory code of the department (or unit) that holds the case now
 */
@Externalized("civicloop.cases::#{key()}")
public record CaseAssignedMessage(int schemaVersion, String type, String eventId, String caseNumber, String occurredAt,
        String action, String status, String departmentCode) implements ExternalEvent {

    public static final String TYPE = "case.assigned";

    @Override
    public String key() {
        return caseNumber;
    }
}
