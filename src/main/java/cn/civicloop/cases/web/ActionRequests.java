package cn.civicloop.cases.web;

import java.util.List;
import java.util.Locale;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.shared.Upload;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;

/** Turns {@code POST /cases/{number}/actions/{action}} into a command, naming any missing field. */
final class ActionRequests {

    private ActionRequests() {
    }

    static CaseAction action(String slug) {
        try {
            CaseAction action = CaseAction.valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (action != CaseAction.SUBMIT && action != CaseAction.REMIND && action != CaseAction.CIRCULATE) {
                return action;
            }
        } catch (IllegalArgumentException unknown) {
            // fall through to the readable 404
        }
        throw new NotFoundException("没有这个操作 (no such action): " + slug);
    }

    static CaseCommand command(CaseAction action, ActionRequest r, List<Upload> photos) {
        String remark = r.reason() != null ? r.reason() : r.note();
        return switch (action) {
            case REGISTER -> new CaseCommand.Register(r.note());
            case DECLINE -> new CaseCommand.Decline(r.reason());
            case ANSWER -> new CaseCommand.Answer(r.text());
            case ASSIGN -> new CaseCommand.Assign(required("departmentId", r.departmentId()), r.unitId(), r.note());
            case REASSIGN -> new CaseCommand.Reassign(required("departmentId", r.departmentId()), r.unitId(), r.reason());
            case ASSIGN_UNIT -> new CaseCommand.AssignUnit(required("unitId", r.unitId()), r.note());
            case SIGN -> new CaseCommand.Sign(r.note());
            case RETURN -> new CaseCommand.Return(r.reason());
            case DENY_RETURN -> new CaseCommand.DenyReturn(r.reason());
            case REQUEST_EXTENSION -> new CaseCommand.RequestExtension(
                    required("workingDays", r.workingDays()), r.reason());
            case APPROVE_EXTENSION -> new CaseCommand.ApproveExtension(r.note());
            case DENY_EXTENSION -> new CaseCommand.DenyExtension(r.reason());
            case PARK -> new CaseCommand.Park(r.reason());
            case RESUME -> new CaseCommand.Resume(r.note());
            case REPLY -> new CaseCommand.Reply(r.text(), photos);
            case APPROVE -> new CaseCommand.Approve(r.note());
            case REJECT -> new CaseCommand.Reject(r.reason());
            case FOLLOW_UP -> new CaseCommand.FollowUp(required("resolved", r.resolved()), r.satisfaction(), r.note());
            case CLOSE -> new CaseCommand.Close(remark);
            case REWORK -> new CaseCommand.Rework(r.reason());
            case REOPEN -> new CaseCommand.Reopen(r.reason());
            case VOID -> new CaseCommand.Void(r.reason());
            case MERGE -> new CaseCommand.Merge(r.intoNumber(), r.note());
            case NOTE -> new CaseCommand.Note(r.text(), Boolean.TRUE.equals(r.publicNote()));
            case CONTACT -> new CaseCommand.Contact(r.note());
            case URGE -> new CaseCommand.Urge(r.note());
            case SUPERVISE -> new CaseCommand.Supervise(r.note());
            case ACKNOWLEDGE -> new CaseCommand.Acknowledge(r.note());
            case ADD_CO_HANDLER -> new CaseCommand.AddCoHandler(required("departmentId", r.departmentId()), r.note());
            case RELEASE_CO_HANDLER -> new CaseCommand.ReleaseCoHandler(required("departmentId", r.departmentId()),
                    r.reason());
            case CO_SIGN -> new CaseCommand.CoSign(r.note());
            case CO_REPLY -> new CaseCommand.CoReply(r.text());
            case CO_RETURN -> new CaseCommand.CoReturn(r.reason());
            case ARBITRATE -> new CaseCommand.Arbitrate(required("departmentId", r.departmentId()), r.reason());
            case SUBMIT, REMIND, CIRCULATE -> throw new NotFoundException("没有这个操作 (no such action): " + action);
        };
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "缺少字段 " + field + " (" + field + " is required)");
        }
        return value;
    }
}
