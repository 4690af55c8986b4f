package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;

/** The centre's review of the reply, the follow-up with the resident, closing, rework and the resident's reopening. */
@Component
class ReviewSteps implements ActionHandlers {

    private final Reporters reporters;

    ReviewSteps(Reporters reporters) {
        this.reporters = reporters;
    }

    @Override
    public void register(Registry registry) {
        registry.on(APPROVE, CaseCommand.Approve.class, (c, command, actor, now) -> {
                    // a new round of follow-up: every reporter is asked afresh
                    c.followUpResolved = null;
                    c.satisfaction = null;
                    reporters.clearAnswers(c.id);
                    return Step.of(c.replyText);
                })
                .on(REJECT, CaseCommand.Reject.class, (c, command, actor, now) ->
                        backToHandling(c, Required.text("reason", command.reason(), Required.What.REJECT_REASON)))
                .on(REWORK, CaseCommand.Rework.class, (c, command, actor, now) ->
                        backToHandling(c, Required.text("reason", command.reason(), Required.What.REWORK_REASON)))
                .on(FOLLOW_UP, CaseCommand.FollowUp.class, (c, command, actor, now) -> followUp(c, command))
                .on(CLOSE, CaseCommand.Close.class, (c, command, actor, now) -> close(c, command))
                .on(REOPEN, CaseCommand.Reopen.class, (c, command, actor, now) -> reopen(c, command));
    }

    private Step backToHandling(Case c, String reason) {
        reporters.clearAnswers(c.id);
        c.reworkCount++;
        c.followUpResolved = null;
        c.satisfaction = null;
        return Step.of(reason);
    }

    private static Step followUp(Case c, CaseCommand.FollowUp f) {
        if (f.satisfaction() == null) {
            throw new InvalidInputException("satisfaction",
                    Phrase.of("problem.cases.satisfaction-is-required", "请选择满意度"));
        }
        // several reporters may answer (merged duplicates): the case keeps the least content answer of the round
        c.followUpResolved = c.followUpResolved == null ? f.resolved() : c.followUpResolved && f.resolved();
        c.satisfaction = c.satisfaction == null || f.satisfaction().compareTo(c.satisfaction) > 0 ? f.satisfaction()
                : c.satisfaction;
        String note = Required.optional("note", f.note(), Required.MAX_REMARK);
        StepRemark answer = f.mergedCase() == null
                ? StepRemark.of(StepRemark.Kind.FOLLOW_UP_ANSWERED, note, f.resolved(), f.satisfaction())
                : StepRemark.of(StepRemark.Kind.FOLLOW_UP_ANSWERED, note, f.resolved(), f.satisfaction(),
                        f.mergedCase());
        return Step.of(answer.stored(Required.MAX_REMARK));
    }

    private static Step close(Case c, CaseCommand.Close close) {
        String note = Required.optional("note", close.note(), Required.MAX_REMARK);
        if (c.followUpResolved == null && note == null) {
            throw new InvalidInputException("note",
                    Phrase.of("problem.cases.record-a-follow-up-or-say-why", "尚未回访：请先记录回访结果，或说明无法回访的原因"));
        }
        return Step.of(note);
    }

    private Step reopen(Case c, CaseCommand.Reopen r) {
        if (c.reopenCount > 0) {
            throw new ConflictException(Phrase.of("problem.cases.a-case-can-be-reopened-only-once", "每件诉求只能申请重办一次"));
        }
        if (c.status != CaseStatus.CLOSED || c.duplicateOf != null) {
            throw new ConflictException(Phrase.of("problem.cases.only-closed-cases-can-be-reopened", "只有已办结的工单可以申请重办"));
        }
        String reason = Required.text("reason", r.reason(), Required.What.REOPEN_REASON);
        c.reopenCount++;
        reporters.clearAnswers(c.id);
        c.satisfaction = Satisfaction.DISSATISFIED;
        c.followUpResolved = null;
        c.handlerId = null;
        return Step.naming(reason, c.departmentId);
    }
}
