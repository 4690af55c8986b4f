package cn.civicloop.cases.web.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Upload;

/** Turns a case page's action form (its fields by name) into a command, naming any missing or bad field. */
final class PageCommands {

    private PageCommands() {
    }

    static CaseAction action(String slug) {
        try {
            CaseAction action = CaseAction.valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (action != CaseAction.SUBMIT && action != CaseAction.REMIND && action != CaseAction.CIRCULATE) {
                return action;
            }
        } catch (IllegalArgumentException unknown) {
            // fall through
        }
        throw new NotFoundException("没有这个操作 (no such action): " + slug);
    }

    static CaseCommand command(CaseAction action, Map<String, String> p, List<Upload> photos) {
        String reason = text(p, "reason");
        String note = text(p, "note");
        String text = text(p, "text");
        return switch (action) {
            case REGISTER -> new CaseCommand.Register(note);
            case DECLINE -> new CaseCommand.Decline(reason);
            case ANSWER -> new CaseCommand.Answer(text);
            case ASSIGN -> new CaseCommand.Assign(id(p, "departmentId"), null, note);
            case REASSIGN -> new CaseCommand.Reassign(id(p, "departmentId"), null, reason);
            case ASSIGN_UNIT -> new CaseCommand.AssignUnit(id(p, "unitId"), note);
            case SIGN -> new CaseCommand.Sign(note);
            case RETURN -> new CaseCommand.Return(reason);
            case DENY_RETURN -> new CaseCommand.DenyReturn(reason);
            case REQUEST_EXTENSION -> new CaseCommand.RequestExtension((int) id(p, "workingDays"), reason);
            case APPROVE_EXTENSION -> new CaseCommand.ApproveExtension(note);
            case DENY_EXTENSION -> new CaseCommand.DenyExtension(reason);
            case PARK -> new CaseCommand.Park(reason);
            case RESUME -> new CaseCommand.Resume(note);
            case REPLY -> new CaseCommand.Reply(text, photos);
            case APPROVE -> new CaseCommand.Approve(note);
            case REJECT -> new CaseCommand.Reject(reason);
            case FOLLOW_UP -> new CaseCommand.FollowUp(resolved(p), satisfaction(p), note);
            case CLOSE -> new CaseCommand.Close(note);
            case REWORK -> new CaseCommand.Rework(reason);
            case REOPEN -> new CaseCommand.Reopen(reason);
            case VOID -> new CaseCommand.Void(reason);
            case MERGE -> new CaseCommand.Merge(required(p, "intoNumber"), note);
            case NOTE -> new CaseCommand.Note(text, "on".equals(p.get("publicNote")));
            case CONTACT -> new CaseCommand.Contact(note);
            case URGE -> new CaseCommand.Urge(note);
            case SUPERVISE -> new CaseCommand.Supervise(note);
            case ACKNOWLEDGE -> new CaseCommand.Acknowledge(note);
            case ADD_CO_HANDLER -> new CaseCommand.AddCoHandler(id(p, "departmentId"), note);
            case RELEASE_CO_HANDLER -> new CaseCommand.ReleaseCoHandler(id(p, "departmentId"), reason);
            case CO_SIGN -> new CaseCommand.CoSign(note);
            case CO_REPLY -> new CaseCommand.CoReply(text);
            case CO_RETURN -> new CaseCommand.CoReturn(reason);
            case ARBITRATE -> new CaseCommand.Arbitrate(id(p, "departmentId"), reason);
            case SUBMIT, REMIND, CIRCULATE -> throw new NotFoundException("没有这个操作 (no such action): " + action);
        };
    }

    private static String text(Map<String, String> p, String field) {
        String v = p.get(field);
        return v == null || v.isBlank() ? null : v;
    }

    private static String required(Map<String, String> p, String field) {
        String v = text(p, field);
        if (v == null) {
            throw new InvalidInputException(field, "请填写此项 (" + field + " is required)");
        }
        return v.strip();
    }

    private static long id(Map<String, String> p, String field) {
        try {
            return Long.parseLong(required(p, field));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "请填写数字 (" + field + " must be a number)");
        }
    }

    private static boolean resolved(Map<String, String> p) {
        return Boolean.parseBoolean(required(p, "resolved"));
    }

    private static Satisfaction satisfaction(Map<String, String> p) {
        try {
            return Satisfaction.valueOf(required(p, "satisfaction"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("satisfaction", "请选择满意度 (choose a satisfaction)");
        }
    }
}
