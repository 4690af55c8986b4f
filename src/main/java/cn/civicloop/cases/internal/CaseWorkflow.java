package cn.civicloop.cases.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseCommand.*;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.DistrictTime;

/**
 * What each command does to a case besides moving its status: the fields it sets, the checks it makes and the
 * remark it leaves on the timeline. Status moves and permissions are decided before this runs.
 */
@Component
class CaseWorkflow {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(DistrictTime.ZONE);
    static final int MAX_EXTENSION_DAYS = 30;

    private final Directory directory;
    private final BusinessCalendar calendar;
    private final AttachmentPolicy photos;
    private final Supervisions supervisions;
    private final CoHandlingWorkflow coHandling;

    CaseWorkflow(Directory directory, BusinessCalendar calendar, AttachmentPolicy photos, Supervisions supervisions,
            CoHandlingWorkflow coHandling) {
        this.directory = directory;
        this.calendar = calendar;
        this.photos = photos;
        this.supervisions = supervisions;
        this.coHandling = coHandling;
    }

    /** The outcome of a command: what to write on the timeline, and evidence photos to keep with it. */
    record Step(String remark, Long departmentId, List<AttachmentPolicy.CheckedPhoto> evidence, Integer extensionDays) {
        static Step of(String remark) {
            return new Step(remark, null, List.of(), null);
        }
    }

    Step apply(Case c, CaseCommand command, Actor actor, Instant now) {
        return switch (command.action()) {
            case REGISTER, SIGN, RESUME -> {
                if (command.action() == CaseAction.SIGN) {
                    c.handlerId = actor.staffId();
                }
                yield Step.of(Required.optional("note", command.remark(), Required.MAX_REMARK));
            }
            case DECLINE -> Step.of(Required.text("reason", command.remark(), "不予受理的理由"));
            case ANSWER -> {
                c.replyText = Required.text("answer", command.remark(), "答复内容", Required.MAX_REPLY);
                yield Step.of(c.replyText);
            }
            case ASSIGN -> {
                Assign a = (Assign) command;
                yield assign(c, a.departmentId(), a.unitId(), Required.optional("note", a.note(), Required.MAX_REMARK));
            }
            case REASSIGN -> {
                Reassign r = (Reassign) command;
                yield assign(c, r.departmentId(), r.unitId(), Required.text("reason", r.reason(), "改派理由"));
            }
            case ASSIGN_UNIT -> {
                c.unitId = unitOf(c.departmentId, ((AssignUnit) command).unitId());
                c.handlerId = null;
                yield new Step(Required.optional("note", command.remark(), Required.MAX_REMARK), c.unitId, List.of(), null);
            }
            case RETURN -> {
                if (c.arbitrated) {
                    throw new ConflictException("该工单已经终审派定，不能再退单 (a case decided by arbitration cannot be returned)");
                }
                String reason = Required.text("reason", command.remark(), "退单理由");
                c.returnCount++;
                yield Step.of(reason);
            }
            case DENY_RETURN -> Step.of(Required.text("reason", command.remark(), "驳回退单的理由"));
            case REQUEST_EXTENSION -> requestExtension(c, (RequestExtension) command);
            case APPROVE_EXTENSION -> approveExtension(c, command.remark());
            case DENY_EXTENSION -> {
                String reason = Required.text("reason", command.remark(), "不同意延期的理由");
                clearExtension(c);
                yield Step.of(reason);
            }
            case PARK -> Step.of(Required.text("reason", command.remark(), "挂账理由"));
            case REPLY -> {
                coHandling.checkLeadMayReply(c);
                Reply r = (Reply) command;
                String text = Required.text("text", r.text(), "办理结果", Required.MAX_REPLY);
                List<AttachmentPolicy.CheckedPhoto> evidence = photos.check("photos", r.evidence());
                c.replyText = text;
                yield new Step(text, null, evidence, null);
            }
            case APPROVE -> Step.of(c.replyText);
            case REJECT, REWORK -> {
                String reason = Required.text("reason", command.remark(),
                        command.action() == CaseAction.REJECT ? "驳回理由" : "重办理由");
                c.reworkCount++;
                clearFollowUp(c);
                yield Step.of(reason);
            }
            case FOLLOW_UP -> followUp(c, (FollowUp) command);
            case CLOSE -> close(c, (Close) command);
            case REOPEN -> reopen(c, (Reopen) command, now);
            case VOID -> Step.of(Required.text("reason", command.remark(), "作废理由"));
            case NOTE -> Step.of(Required.text("text", command.remark(), "备注内容"));
            case CONTACT -> Step.of(Required.optional("note", command.remark(), Required.MAX_REMARK));
            case URGE, SUPERVISE -> {
                String note = Required.optional("note", command.remark(), Required.MAX_REMARK);
                supervisions.raise(c.id, command.action(), c.departmentId, actor.displayName(), note, now);
                yield Step.of(note);
            }
            case ACKNOWLEDGE -> {
                if (supervisions.acknowledgeAll(c.id, actor, now) == 0) {
                    throw new ConflictException("没有待回应的催办或督办 (nothing to acknowledge)");
                }
                yield Step.of(Required.optional("note", command.remark(), Required.MAX_REMARK));
            }
            case ADD_CO_HANDLER -> coHandling.add(c, (AddCoHandler) command, now);
            case RELEASE_CO_HANDLER -> coHandling.release(c, (ReleaseCoHandler) command);
            case CO_SIGN, CO_REPLY, CO_RETURN -> coHandling.coAct(c, command, actor, now);
            case ARBITRATE -> {
                Arbitrate a = (Arbitrate) command;
                Step step = assign(c, a.departmentId(), null, Required.text("reason", a.reason(), "终审理由"));
                c.arbitrated = true;
                yield step;
            }
            case MERGE, SUBMIT, REMIND, CIRCULATE -> throw new IllegalStateException(command.action() + " is not a workflow step");
        };
    }

    private Step approveExtension(Case c, String rawNote) {
        String note = Required.optional("note", rawNote, Required.MAX_REMARK);
        int days = c.extensionDays;
        Instant newDue = calendar.deadline(c.dueAt, TimeLimit.workingDays(days));
        String remark = "办理期限延长 " + days + " 个工作日，至 " + DATE_TIME.format(newDue)
                + (note == null ? "" : "；" + note);
        clearExtension(c);
        return new Step(remark, null, List.of(), days);
    }

    private Step assign(Case c, long departmentId, Long unitId, String remark) {
        Department department = directory.department(departmentId).filter(Department::active)
                .orElseThrow(() -> new InvalidInputException("departmentId", "承办单位不存在或已停用 (no such active department)"));
        if (department.kind() == DepartmentKind.CENTRE) {
            throw new InvalidInputException("departmentId", "不能派给指挥中心自身 (cannot assign to the centre)");
        }
        c.departmentId = departmentId;
        c.unitId = unitId == null ? null : unitOf(departmentId, unitId);
        c.handlerId = null;
        return new Step(remark, departmentId, List.of(), null);
    }

    private Long unitOf(Long departmentId, long unitId) {
        boolean inside = departmentId != null && unitId != departmentId
                && directory.department(unitId).filter(Department::active).isPresent()
                && directory.isWithin(unitId, departmentId);
        if (!inside) {
            throw new InvalidInputException("unitId", "该单位不属于承办部门 (unit is not part of the department)");
        }
        return unitId;
    }

    private Step requestExtension(Case c, RequestExtension e) {
        if (e.workingDays() < 1 || e.workingDays() > MAX_EXTENSION_DAYS) {
            throw new InvalidInputException("workingDays", "延期天数须在 1 到 " + MAX_EXTENSION_DAYS + " 个工作日之间");
        }
        c.extensionDays = e.workingDays();
        c.extensionReason = Required.text("reason", e.reason(), "延期理由");
        return Step.of("申请延期 " + e.workingDays() + " 个工作日：" + c.extensionReason);
    }

    private Step followUp(Case c, FollowUp f) {
        if (f.satisfaction() == null) {
            throw new InvalidInputException("satisfaction", "请选择满意度 (satisfaction is required)");
        }
        c.followUpResolved = f.resolved();
        c.satisfaction = f.satisfaction();
        String note = Required.optional("note", f.note(), Required.MAX_REMARK);
        return Step.of((f.resolved() ? "已解决" : "未解决") + "，" + f.satisfaction().label() + (note == null ? "" : "：" + note));
    }

    private Step close(Case c, Close close) {
        String note = Required.optional("note", close.note(), Required.MAX_REMARK);
        if (c.followUpResolved == null && note == null) {
            throw new InvalidInputException("note", "尚未回访：请先记录回访结果，或说明无法回访的原因 (record a follow-up or say why there is none)");
        }
        return Step.of(note);
    }

    private Step reopen(Case c, Reopen r, Instant now) {
        if (c.reopenCount > 0) {
            throw new ConflictException("每件诉求只能申请重办一次 (a case can be reopened only once)");
        }
        if (c.status != CaseStatus.CLOSED || c.duplicateOf != null) {
            throw new ConflictException("只有已办结的工单可以申请重办 (only closed cases can be reopened)");
        }
        String reason = Required.text("reason", r.reason(), "不满意的原因");
        c.reopenCount++;
        c.satisfaction = Satisfaction.DISSATISFIED;
        c.followUpResolved = null;
        c.handlerId = null;
        return new Step(reason, c.departmentId, List.of(), null);
    }

    private static void clearExtension(Case c) {
        c.extensionDays = null;
        c.extensionReason = null;
    }

    private static void clearFollowUp(Case c) {
        c.followUpResolved = null;
        c.satisfaction = null;
    }
}
