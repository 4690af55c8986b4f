package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;

/** 受理 and the centre's other decisions on an appeal: decline, answer directly, void, merge; notes by anyone. */
@Component
class RegistrationSteps implements ActionHandlers {

    private final Cases cases;
    private final Reporters reporters;
    private final Timeline timeline;

    RegistrationSteps(Cases cases, Reporters reporters, Timeline timeline) {
        this.cases = cases;
        this.reporters = reporters;
        this.timeline = timeline;
    }

    @Override
    public void register(Registry registry) {
        registry.on(REGISTER, CaseCommand.Register.class, (c, command, actor, now) ->
                        Step.of(Required.optional("note", command.note(), Required.MAX_REMARK)))
                .on(DECLINE, CaseCommand.Decline.class, (c, command, actor, now) ->
                        Step.of(Required.text("reason", command.reason(), Required.What.DECLINE_REASON)))
                .on(ANSWER, CaseCommand.Answer.class, (c, command, actor, now) -> {
                    c.replyText = Required.text("answer", command.answer(), Required.What.ANSWER, Required.MAX_REPLY);
                    return Step.of(command.step() == null ? c.replyText : command.step().stored(Required.MAX_REMARK));
                })
                .on(VOID, CaseCommand.Void.class, (c, command, actor, now) ->
                        Step.of(Required.text("reason", command.reason(), Required.What.VOID_REASON)))
                .on(MERGE, CaseCommand.Merge.class, this::merge)
                .on(NOTE, CaseCommand.Note.class, (c, command, actor, now) ->
                        Step.of(Required.text("text", command.text(), Required.What.NOTE_TEXT)));
    }

    /** The duplicate gives its reporters to the case it is merged into, which notes the merge internally. */
    private Step merge(Case duplicate, CaseCommand.Merge merge, Actor actor, Instant now) {
        String targetNumber = Required.text("intoNumber", merge.intoNumber(), Required.What.MERGE_INTO);
        Case target = cases.byNumber(targetNumber)
                .orElseThrow(() -> new InvalidInputException("intoNumber",
                        Phrase.of("problem.cases.no-such-target-case", "目标工单不存在：{0}", targetNumber)));
        if (target.id.equals(duplicate.id)) {
            throw new InvalidInputException("intoNumber",
                    Phrase.of("problem.cases.cannot-merge-a-case-into-itself", "不能并入自身"));
        }
        if (target.status.ended()) {
            throw new ConflictException(Phrase.of("problem.cases.the-target-case-has-ended", "目标工单已结束，不能并入"));
        }
        String note = Required.optional("note", merge.note(), Required.MAX_REMARK);
        duplicate.duplicateOf = target.id;
        reporters.moveAll(duplicate.id, target.id, now);
        target.updatedAt = now;
        cases.update(target);
        timeline.append(target.id, now, actor, MERGE, target.status, target.status,
                StepRemark.of(StepRemark.Kind.DUPLICATE_MERGED, null, duplicate.number).stored(Required.MAX_REMARK),
                target.departmentId, false);
        return Step.of(StepRemark.of(StepRemark.Kind.MERGED_INTO, note, target.number).stored(Required.MAX_REMARK));
    }
}
