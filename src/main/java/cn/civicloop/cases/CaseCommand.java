package cn.civicloop.cases;

import java.util.List;

import cn.civicloop.shared.Upload;

/** A command on an existing case. Each names its {@link CaseAction}; reasons are required where practice demands. */
public sealed interface CaseCommand {

    CaseAction action();

    /** Free text recorded on the timeline (reason or note); may be {@code null} where optional. */
    String remark();

    record Register(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.REGISTER; }
        public String remark() { return note; }
    }

    record Decline(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.DECLINE; }
        public String remark() { return reason; }
    }

    record Answer(String answer) implements CaseCommand {
        public CaseAction action() { return CaseAction.ANSWER; }
        public String remark() { return answer; }
    }

    record Assign(long departmentId, Long unitId, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.ASSIGN; }
        public String remark() { return note; }
    }

    record Reassign(long departmentId, Long unitId, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REASSIGN; }
        public String remark() { return reason; }
    }

    record AssignUnit(long unitId, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.ASSIGN_UNIT; }
        public String remark() { return note; }
    }

    record Sign(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.SIGN; }
        public String remark() { return note; }
    }

    record Return(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.RETURN; }
        public String remark() { return reason; }
    }

    record DenyReturn(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.DENY_RETURN; }
        public String remark() { return reason; }
    }

    record RequestExtension(int workingDays, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REQUEST_EXTENSION; }
        public String remark() { return reason; }
    }

    record ApproveExtension(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.APPROVE_EXTENSION; }
        public String remark() { return note; }
    }

    record DenyExtension(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.DENY_EXTENSION; }
        public String remark() { return reason; }
    }

    record Park(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.PARK; }
        public String remark() { return reason; }
    }

    record Resume(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.RESUME; }
        public String remark() { return note; }
    }

    record Reply(String text, List<Upload> evidence) implements CaseCommand {
        public Reply {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
        public CaseAction action() { return CaseAction.REPLY; }
        public String remark() { return text; }
    }

    record Approve(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.APPROVE; }
        public String remark() { return note; }
    }

    record Reject(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REJECT; }
        public String remark() { return reason; }
    }

    record FollowUp(boolean resolved, Satisfaction satisfaction, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.FOLLOW_UP; }
        public String remark() { return note; }
    }

    record Close(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.CLOSE; }
        public String remark() { return note; }
    }

    record Rework(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REWORK; }
        public String remark() { return reason; }
    }

    record Reopen(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.REOPEN; }
        public String remark() { return reason; }
    }

    record Void(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.VOID; }
        public String remark() { return reason; }
    }

    record Merge(String intoNumber, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.MERGE; }
        public String remark() { return note; }
    }

    record Note(String text, boolean publicNote) implements CaseCommand {
        public CaseAction action() { return CaseAction.NOTE; }
        public String remark() { return text; }
    }

    record Contact(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.CONTACT; }
        public String remark() { return note; }
    }

    record Urge(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.URGE; }
        public String remark() { return note; }
    }

    record Supervise(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.SUPERVISE; }
        public String remark() { return note; }
    }

    record Acknowledge(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.ACKNOWLEDGE; }
        public String remark() { return note; }
    }

    record AddCoHandler(long departmentId, String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.ADD_CO_HANDLER; }
        public String remark() { return note; }
    }

    record ReleaseCoHandler(long departmentId, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.RELEASE_CO_HANDLER; }
        public String remark() { return reason; }
    }

    record CoSign(String note) implements CaseCommand {
        public CaseAction action() { return CaseAction.CO_SIGN; }
        public String remark() { return note; }
    }

    record CoReply(String text) implements CaseCommand {
        public CaseAction action() { return CaseAction.CO_REPLY; }
        public String remark() { return text; }
    }

    record CoReturn(String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.CO_RETURN; }
        public String remark() { return reason; }
    }

    record Arbitrate(long departmentId, String reason) implements CaseCommand {
        public CaseAction action() { return CaseAction.ARBITRATE; }
        public String remark() { return reason; }
    }
}
