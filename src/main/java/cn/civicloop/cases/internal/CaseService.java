package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.NewAppeal;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.sla.ClockKeeper;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;

/** Runs each case command in one transaction: check, change, record, publish. */
@Service
class CaseService implements CaseManagement {

    private final Cases cases;
    private final Timeline timeline;
    private final Reporters reporters;
    private final Attachments attachments;
    private final CaseWorkflow workflow;
    private final CaseIntake intake;
    private final CaseReader reader;
    private final ApplicationEventPublisher events;
    private final ClockKeeper clocks;
    private final Clock clock;

    CaseService(Cases cases, Timeline timeline, Reporters reporters, Attachments attachments, CaseWorkflow workflow,
            CaseIntake intake, CaseReader reader, ApplicationEventPublisher events, ClockKeeper clocks,
            Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.reporters = reporters;
        this.attachments = attachments;
        this.workflow = workflow;
        this.intake = intake;
        this.reader = reader;
        this.events = events;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public OpenedCase open(NewAppeal appeal, Actor submitter) {
        return intake.open(appeal, submitter);
    }

    @Override
    @Transactional
    public CaseView perform(String number, CaseCommand command, Actor actor) {
        Case c = readable(number, actor);
        execute(c, command, actor);
        return reader.view(c, actor);
    }

    @Override
    @Transactional
    public void act(String number, Actor actor, CaseCommand... commands) {
        Case c = readable(number, actor);
        for (CaseCommand command : commands) {
            execute(c, command, actor);
        }
    }

    /** The case, if it exists and {@code actor} may see it; a case one may not see cannot be acted on either. */
    private Case readable(String number, Actor actor) {
        Case c = cases.byNumber(number).orElseThrow(() -> new NotFoundException("工单不存在 (no such case): " + number));
        if (!CaseAccess.canRead(actor, reader.holders(c))) {
            throw new ForbiddenException("无权查看该工单 (this case is not yours to see)");
        }
        return c;
    }

    @Override
    @Transactional
    public PublicCaseView answerFollowUp(String number, String token, boolean resolved, Satisfaction satisfaction,
            String comment) {
        Case c = residentCase(number, token);
        execute(c, new CaseCommand.FollowUp(resolved, satisfaction, comment), Actor.resident());
        if (satisfaction != Satisfaction.DISSATISFIED) {
            execute(c, new CaseCommand.Close("群众回访评价" + satisfaction.label() + "，自动办结"), Actor.system());
        }
        return reader.publicView(c);
    }

    @Override
    @Transactional
    public PublicCaseView reopen(String number, String token, String reason) {
        Case c = residentCase(number, token);
        execute(c, new CaseCommand.Reopen(reason), Actor.resident());
        return reader.publicView(c);
    }

    private Case residentCase(String number, String token) {
        return reader.residentCase(number, token);
    }

    private void execute(Case c, CaseCommand command, Actor actor) {
        CaseAction action = command.action();
        if (!CaseAccess.mayPerform(actor, action, reader.holders(c))) {
            throw new ForbiddenException("您的角色不能执行「" + action.label() + "」(your role may not " + action + " this case)");
        }
        if (Transitions.target(c.status, action).isEmpty()) {
            c.moveTo(action, clock.instant()); // throws the readable conflict
        }
        Instant now = clock.instant();
        if (command instanceof CaseCommand.Merge merge) {
            mergeInto(c, merge, actor, now);
            return;
        }
        CaseWorkflow.Step step = workflow.apply(c, command, actor, now);
        record(c, command, actor, now, step);
    }

    private void record(Case c, CaseCommand command, Actor actor, Instant now, CaseWorkflow.Step step) {
        CaseStatus from = c.moveTo(command.action(), now);
        Instant due = clocks.acted(c.id, CoHandlingWorkflow.key(c), command.action(), step.extensionDays(), now);
        if (due != null) {
            c.dueAt = due;
        }
        cases.update(c);
        Long department = step.departmentId() != null ? step.departmentId() : c.departmentId;
        long entry = timeline.append(c.id, now, actor, command.action(), from, c.status, step.remark(), department,
                Visibility.isPublic(command));
        step.evidence().forEach(p -> attachments.store(c.id, entry, "EVIDENCE", p, now));
        events.publishEvent(new CaseTransitioned(c.number, command.action(), from, c.status, c.departmentId,
                actor.staffId(), now, c.channel));
    }

    private void mergeInto(Case duplicate, CaseCommand.Merge merge, Actor actor, Instant now) {
        String targetNumber = Required.text("intoNumber", merge.intoNumber(), "要并入的工单号");
        Case target = cases.byNumber(targetNumber)
                .orElseThrow(() -> new InvalidInputException("intoNumber", "目标工单不存在 (no such case): " + targetNumber));
        if (target.id.equals(duplicate.id)) {
            throw new InvalidInputException("intoNumber", "不能并入自身 (cannot merge a case into itself)");
        }
        if (target.status.ended()) {
            throw new ConflictException("目标工单已结束，不能并入 (the target case has ended)");
        }
        String note = Required.optional("note", merge.note(), Required.MAX_REMARK);
        duplicate.duplicateOf = target.id;
        reporters.moveAll(duplicate.id, target.id, now);
        record(duplicate, merge, actor, now, CaseWorkflow.Step.of("并入 " + target.number + (note == null ? "" : "：" + note)));
        target.updatedAt = now;
        cases.update(target);
        timeline.append(target.id, now, actor, CaseAction.MERGE, target.status, target.status,
                "合并重复件 " + duplicate.number + "，诉求人已并入", target.departmentId, false);
    }
}
