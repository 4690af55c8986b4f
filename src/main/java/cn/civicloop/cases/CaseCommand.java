package cn.civicloop.cases;

import java.util.List;

import cn.civicloop.shared.Upload;

/**
 * A command on an existing case. Each names its {@link CaseAction}; reasons are required where practice demands
 * (the action's handler checks them, whoever built the command). {@link CaseActions} builds them from requests.
 */
public sealed interface CaseCommand {

    CaseAction action();

    record Register(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.REGISTER; }
    }

    record Decline(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.DECLINE; }
    }

    /**
     * @param answer the reply, as the resident reads it
     * @param step   the step the system composed for the timeline instead of the reply ({@link StepRemark}, its text
     *               the reply), null for an answer written by a person
     */
    record Answer(String answer, StepRemark step) implements CaseCommand {
        public Answer(String answer) {
            this(answer, null);
        }
        public CaseAction action() { return CaseAction.ANSWER; }
    }

    /**
     * @param category the category the case was routed by (triage's routing catalogue), kept as the case's 分类 when
     *                 it has none yet; {@code null} when the assignment was not made by category
     */
    record Assign(long departmentId, Long unitId, String note, String category) implements CaseCommand {
        public Assign(long departmentId, Long unitId, String note) {
            this(departmentId, unitId, note, null);
        }
        public CaseAction action() { return CaseAction.ASSIGN; }
    }

    record Reassign(long departmentId, Long unitId, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REASSIGN; }
    }

    record AssignUnit(long unitId, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.ASSIGN_UNIT; }
    }

    record Sign(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.SIGN; }
    }

    record Return(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.RETURN; }
    }

    record DenyReturn(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.DENY_RETURN; }
    }

    record RequestExtension(int workingDays, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REQUEST_EXTENSION; }
    }

    record ApproveExtension(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.APPROVE_EXTENSION; }
    }

    record DenyExtension(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.DENY_EXTENSION; }
    }

    record Park(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.PARK; }
    }

    record Resume(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.RESUME; }
    }

    record Reply(String text, List<Upload> evidence) implements CaseCommand {
        public Reply {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
        public CaseAction action() { return CaseAction.REPLY; }
    }

    record Approve(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.APPROVE; }
    }

    record Reject(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REJECT; }
    }

    /**
     * A follow-up answer.
     *
     * @param mergedCase the number of the merged duplicate whose reporter answers on the case kept, null for the
     *                   case's own reporter or an operator's call
     */
    record FollowUp(boolean resolved, Satisfaction satisfaction, String note, String mergedCase)
            implements CaseCommand {
        public FollowUp(boolean resolved, Satisfaction satisfaction, String note) {
            this(resolved, satisfaction, note, null);
        }

        public CaseAction action() { return CaseAction.FOLLOW_UP; }
    }

    record Close(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.CLOSE; }
    }

    record Rework(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REWORK; }
    }

    record Reopen(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REOPEN; }
    }

    record Void(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.VOID; }
    }

    record Merge(String intoNumber, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.MERGE; }
    }

    record ConfirmUrgency(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.CONFIRM_URGENCY; }
    }

    record RejectUrgency(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REJECT_URGENCY; }
    }

    record Note(String text, boolean publicNote) implements CaseCommand {
        public CaseAction action() { return CaseAction.NOTE; }
    }

    record Contact(String note, List<Upload> evidence) implements CaseCommand {
        public Contact {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        public CaseAction action() { return CaseAction.CONTACT; }
    }

    record Urge(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.URGE; }
    }

    record Supervise(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.SUPERVISE; }
    }

    record Acknowledge(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.ACKNOWLEDGE; }
    }

    record AddCoHandler(long departmentId, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.ADD_CO_HANDLER; }
    }

    record ReleaseCoHandler(long departmentId, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.RELEASE_CO_HANDLER; }
    }

    record CoSign(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.CO_SIGN; }
    }

    record CoReply(String text, List<Upload> evidence) implements CaseCommand {
        public CoReply {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        public CaseAction action() { return CaseAction.CO_REPLY; }
    }

    record CoReturn(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.CO_RETURN; }
    }

    record Arbitrate(long departmentId, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.ARBITRATE; }
    }
}
