package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.internal.sla.TimeLimitPolicy;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;

/** The co-handling commands (主办/协办) and the rule that the lead replies only after its co-handlers. */
@Component
class CoHandlingSteps implements ActionHandlers {

    private final CoHandling tasks;
    private final Directory directory;
    private final TimeLimitPolicy limits;
    private final BusinessCalendar calendar;
    private final AttachmentPolicy photos;

    CoHandlingSteps(CoHandling tasks, Directory directory, TimeLimitPolicy limits, BusinessCalendar calendar,
            AttachmentPolicy photos) {
        this.photos = photos;
        this.tasks = tasks;
        this.directory = directory;
        this.limits = limits;
        this.calendar = calendar;
    }

    @Override
    public void register(Registry registry) {
        registry.on(ADD_CO_HANDLER, CaseCommand.AddCoHandler.class, (c, command, actor, now) -> add(c, command, now))
                .on(RELEASE_CO_HANDLER, CaseCommand.ReleaseCoHandler.class, (c, command, actor, now) ->
                        release(c, command))
                .on(CO_SIGN, CaseCommand.CoSign.class, (c, command, actor, now) -> {
                    CoHandling.CoTask task = openTask(c, actor);
                    requireStatus(task, CoHandling.TaskStatus.ASSIGNED,
                            Phrase.of("problem.cases.co-task-already-signed", "协办任务已签收"));
                    String note = Required.optional("note", command.note(), Required.MAX_REMARK);
                    tasks.sign(task.id(), now);
                    return Step.naming(note, task.departmentId());
                })
                .on(CO_REPLY, CaseCommand.CoReply.class, (c, command, actor, now) -> {
                    CoHandling.CoTask task = openTask(c, actor);
                    requireStatus(task, CoHandling.TaskStatus.IN_PROGRESS,
                            Phrase.of("problem.cases.co-task-sign-first", "请先签收协办任务"));
                    String text = Required.text("text", command.text(), Required.What.CO_REPLY_TEXT,
                            Required.MAX_REPLY);
                    List<AttachmentPolicy.CheckedPhoto> evidence = photos.check("photos", command.evidence());
                    tasks.reply(task.id(), text, now);
                    return new Step(text, task.departmentId(), evidence, null);
                })
                .on(CO_RETURN, CaseCommand.CoReturn.class, (c, command, actor, now) -> {
                    CoHandling.CoTask task = openTask(c, actor);
                    String reason = Required.text("reason", command.reason(), Required.What.CO_RETURN_REASON);
                    tasks.close(task.id(), CoHandling.TaskStatus.RETURNED, reason);
                    return Step.naming(reason, task.departmentId());
                });
    }

    private Step add(Case c, CaseCommand.AddCoHandler command, Instant now) {
        Department department = directory.department(command.departmentId()).filter(Department::active)
                .orElseThrow(() -> new InvalidInputException("departmentId",
                        Phrase.of("problem.cases.no-such-co-handler", "协办单位不存在或已停用")));
        if (department.kind() == DepartmentKind.CENTRE || department.id() == c.departmentId) {
            throw new InvalidInputException("departmentId",
                    Phrase.of("problem.cases.not-the-lead-or-the-centre", "协办单位不能是主办单位或指挥中心"));
        }
        Instant due = calendar.deadline(now, limits.limit(c.limitKey(), ClockStage.HANDLE.name()));
        CoHandling.CoTask existing = tasks.task(c.id, department.id()).orElse(null);
        if (existing != null && !existing.done() && existing.status() != CoHandling.TaskStatus.RETURNED) {
            throw new ConflictException(Phrase.of("problem.cases.already-co-handling", "该单位已在协办"));
        }
        if (existing == null) {
            tasks.add(c.id, department.id(), due, now);
        } else {
            tasks.reopen(existing.id(), due);
        }
        return Step.naming(Required.optional("note", command.note(), Required.MAX_REMARK), department.id());
    }

    private Step release(Case c, CaseCommand.ReleaseCoHandler command) {
        CoHandling.CoTask task = tasks.task(c.id, command.departmentId()).filter(t -> !t.done())
                .orElseThrow(() -> new InvalidInputException("departmentId",
                        Phrase.of("problem.cases.no-open-co-handling-task", "该单位没有未完成的协办任务")));
        String reason = Required.text("reason", command.reason(), Required.What.CO_RELEASE_REASON);
        tasks.close(task.id(), CoHandling.TaskStatus.RELEASED, reason);
        return Step.naming(reason, task.departmentId());
    }

    /** The lead's reply closes the handling only when every co-handler has replied or was released. */
    void checkLeadMayReply(Case c) {
        List<String> pending = tasks.of(c.id).stream().filter(t -> !t.done())
                .map(t -> directory.department(t.departmentId()).map(Department::name).orElse("#" + t.departmentId()))
                .collect(Collectors.toList());
        if (!pending.isEmpty()) {
            throw new ConflictException(Phrase.of("problem.cases.co-handlers-pending",
                    "协办单位尚未反馈或未被解除：{0}", String.join("、", pending)));
        }
    }

    private CoHandling.CoTask openTask(Case c, Actor actor) {
        return tasks.task(c.id, actor.departmentId()).filter(t -> !t.done())
                .orElseThrow(() -> new ConflictException(
                        Phrase.of("problem.cases.your-department-has-no-open-co-handling", "本单位没有未完成的协办任务")));
    }

    private static void requireStatus(CoHandling.CoTask task, CoHandling.TaskStatus expected, Phrase message) {
        if (task.status() != expected) {
            throw new ConflictException(message);
        }
    }
}
