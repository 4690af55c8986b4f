package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.shared.ConflictException;

/**
 * Every (status, action) pair of the state machine, checked against the lifecycle written out below by hand
 * from the 12345 工单 practice. A pair not listed must be refused.
 */
class CaseTransitionsTests {

    private static final String LIFECYCLE = """
            SUBMITTED REGISTER REGISTERED
            SUBMITTED DECLINE DECLINED
            SUBMITTED ANSWER CLOSED
            SUBMITTED VOID VOIDED
            SUBMITTED MERGE VOIDED
            SUBMITTED NOTE SUBMITTED
            SUBMITTED CONFIRM_URGENCY SUBMITTED
            SUBMITTED REJECT_URGENCY SUBMITTED
            REGISTERED ASSIGN ASSIGNED
            REGISTERED ANSWER CLOSED
            REGISTERED VOID VOIDED
            REGISTERED MERGE VOIDED
            REGISTERED NOTE REGISTERED
            REGISTERED CONFIRM_URGENCY REGISTERED
            REGISTERED REJECT_URGENCY REGISTERED
            ASSIGNED SIGN IN_PROGRESS
            ASSIGNED RETURN RETURN_REQUESTED
            ASSIGNED REASSIGN ASSIGNED
            ASSIGNED ASSIGN_UNIT ASSIGNED
            ASSIGNED VOID VOIDED
            ASSIGNED MERGE VOIDED
            ASSIGNED NOTE ASSIGNED
            RETURN_REQUESTED REASSIGN ASSIGNED
            RETURN_REQUESTED DENY_RETURN ASSIGNED
            RETURN_REQUESTED VOID VOIDED
            RETURN_REQUESTED MERGE VOIDED
            RETURN_REQUESTED NOTE RETURN_REQUESTED
            IN_PROGRESS RETURN RETURN_REQUESTED
            IN_PROGRESS REQUEST_EXTENSION EXTENSION_REQUESTED
            IN_PROGRESS PARK PARKED
            IN_PROGRESS REPLY REPLIED
            IN_PROGRESS MERGE VOIDED
            IN_PROGRESS NOTE IN_PROGRESS
            EXTENSION_REQUESTED APPROVE_EXTENSION IN_PROGRESS
            EXTENSION_REQUESTED DENY_EXTENSION IN_PROGRESS
            EXTENSION_REQUESTED NOTE EXTENSION_REQUESTED
            PARKED RESUME IN_PROGRESS
            PARKED NOTE PARKED
            REPLIED APPROVE AWAITING_FOLLOW_UP
            REPLIED REJECT IN_PROGRESS
            REPLIED NOTE REPLIED
            AWAITING_FOLLOW_UP FOLLOW_UP AWAITING_FOLLOW_UP
            AWAITING_FOLLOW_UP CLOSE CLOSED
            AWAITING_FOLLOW_UP REWORK IN_PROGRESS
            AWAITING_FOLLOW_UP NOTE AWAITING_FOLLOW_UP
            CLOSED REOPEN ASSIGNED
            CLOSED NOTE CLOSED
            RETURN_REQUESTED ARBITRATE ASSIGNED
            IN_PROGRESS CONTACT IN_PROGRESS
            EXTENSION_REQUESTED CONTACT EXTENSION_REQUESTED
            PARKED CONTACT PARKED
            ASSIGNED URGE ASSIGNED
            ASSIGNED SUPERVISE ASSIGNED
            ASSIGNED ACKNOWLEDGE ASSIGNED
            ASSIGNED RELEASE_CO_HANDLER ASSIGNED
            ASSIGNED CO_SIGN ASSIGNED
            ASSIGNED CO_REPLY ASSIGNED
            ASSIGNED CO_RETURN ASSIGNED
            IN_PROGRESS URGE IN_PROGRESS
            IN_PROGRESS SUPERVISE IN_PROGRESS
            IN_PROGRESS ACKNOWLEDGE IN_PROGRESS
            IN_PROGRESS RELEASE_CO_HANDLER IN_PROGRESS
            IN_PROGRESS CO_SIGN IN_PROGRESS
            IN_PROGRESS CO_REPLY IN_PROGRESS
            IN_PROGRESS CO_RETURN IN_PROGRESS
            EXTENSION_REQUESTED URGE EXTENSION_REQUESTED
            EXTENSION_REQUESTED SUPERVISE EXTENSION_REQUESTED
            EXTENSION_REQUESTED ACKNOWLEDGE EXTENSION_REQUESTED
            EXTENSION_REQUESTED RELEASE_CO_HANDLER EXTENSION_REQUESTED
            EXTENSION_REQUESTED CO_SIGN EXTENSION_REQUESTED
            EXTENSION_REQUESTED CO_REPLY EXTENSION_REQUESTED
            EXTENSION_REQUESTED CO_RETURN EXTENSION_REQUESTED
            PARKED URGE PARKED
            PARKED SUPERVISE PARKED
            PARKED ACKNOWLEDGE PARKED
            PARKED RELEASE_CO_HANDLER PARKED
            PARKED CO_SIGN PARKED
            PARKED CO_REPLY PARKED
            PARKED CO_RETURN PARKED
            ASSIGNED ADD_CO_HANDLER ASSIGNED
            IN_PROGRESS ADD_CO_HANDLER IN_PROGRESS
            EXTENSION_REQUESTED ADD_CO_HANDLER EXTENSION_REQUESTED
            """;

    private static final Map<String, CaseStatus> EXPECTED = new HashMap<>();

    static {
        LIFECYCLE.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] p = line.split(" ");
            EXPECTED.put(p[0] + " " + p[1], CaseStatus.valueOf(p[2]));
        });
    }

    static List<Object[]> everyPair() {
        List<Object[]> pairs = new ArrayList<>();
        for (CaseStatus status : CaseStatus.values()) {
            for (CaseAction action : CaseAction.values()) {
                pairs.add(new Object[] {status, action});
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyPair")
    void eachPairIsAllowedExactlyAsTheLifecycleSays(CaseStatus status, CaseAction action) {
        CaseStatus expected = EXPECTED.get(status + " " + action);
        if (expected == null) {
            assertThat(Transitions.target(status, action)).as("refused").isEmpty();
            Case c = caseIn(status);
            assertThatThrownBy(() -> c.moveTo(action, Instant.EPOCH)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining(status.label());
            assertThat(c.status).isEqualTo(status);
        } else {
            assertThat(Transitions.target(status, action)).contains(expected);
            Case c = caseIn(status);
            c.departmentId = 7L;
            assertThat(c.moveTo(action, Instant.EPOCH)).isEqualTo(status);
            assertThat(c.status).isEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void theActionsAllowedInAStatusAreThoseTheLifecycleListsForIt() {
        for (CaseStatus status : CaseStatus.values()) {
            List<CaseAction> listed = EXPECTED.keySet().stream().filter(k -> k.startsWith(status + " "))
                    .map(k -> CaseAction.valueOf(k.substring(k.indexOf(' ') + 1))).toList();
            assertThat(Transitions.allowedIn(status)).as(status.name()).containsExactlyInAnyOrderElementsOf(listed);
        }
        assertThat(Transitions.allowedIn(CaseStatus.DECLINED)).as("an ended case takes no action").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void onlyClosedDeclinedAndVoidedCasesHaveEnded() {
        assertThat(java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::ended))
                .containsExactlyInAnyOrder(CaseStatus.CLOSED, CaseStatus.DECLINED, CaseStatus.VOIDED);
    }

    @org.junit.jupiter.api.Test
    void aReopenedCaseWithoutDepartmentGoesBackToTheDispatcher() {
        Case answered = caseIn(CaseStatus.CLOSED);
        answered.closedAt = Instant.EPOCH;
        answered.moveTo(CaseAction.REOPEN, Instant.ofEpochSecond(60));
        assertThat(answered.status).isEqualTo(CaseStatus.REGISTERED);
        assertThat(answered.closedAt).isNull();
    }

    @org.junit.jupiter.api.Test
    void closingStampsTheTime() {
        Case c = caseIn(CaseStatus.AWAITING_FOLLOW_UP);
        c.moveTo(CaseAction.CLOSE, Instant.ofEpochSecond(99));
        assertThat(c.closedAt).isEqualTo(Instant.ofEpochSecond(99));
    }

    private static Case caseIn(CaseStatus status) {
        Case c = new Case();
        c.number = "SZ-20260101-000001";
        c.status = status;
        return c;
    }
}
