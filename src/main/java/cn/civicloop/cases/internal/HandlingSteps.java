package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.InvalidInputException;

/** The department's handling: first contact, extensions and their decision, parking, and the reply with evidence. */
@Component
class HandlingSteps implements ActionHandlers {

    static final int MAX_EXTENSION_DAYS = 30;

    private final BusinessCalendar calendar;
    private final AttachmentPolicy photos;
    private final CoHandlingSteps coHandling;

    HandlingSteps(BusinessCalendar calendar, AttachmentPolicy photos, CoHandlingSteps coHandling) {
        this.calendar = calendar;
        this.photos = photos;
        this.coHandling = coHandling;
    }

    @Override
    public void register(Registry registry) {
        registry.on(CONTACT, CaseCommand.Contact.class, (c, command, actor, now) ->
                        new Step(Required.optional("note", command.note(), Required.MAX_REMARK), null,
                                photos.check("photos", command.evidence()), null))
                .on(REQUEST_EXTENSION, CaseCommand.RequestExtension.class, (c, command, actor, now) ->
                        requestExtension(c, command))
                .on(APPROVE_EXTENSION, CaseCommand.ApproveExtension.class, (c, command, actor, now) ->
                        approveExtension(c, command.note()))
                .on(DENY_EXTENSION, CaseCommand.DenyExtension.class, (c, command, actor, now) -> {
                    String reason = Required.text("reason", command.reason(), Required.What.DENY_EXTENSION_REASON);
                    clearExtension(c);
                    return Step.of(reason);
                })
                .on(PARK, CaseCommand.Park.class, (c, command, actor, now) ->
                        Step.of(Required.text("reason", command.reason(), Required.What.PARK_REASON)))
                .on(RESUME, CaseCommand.Resume.class, (c, command, actor, now) ->
                        Step.of(Required.optional("note", command.note(), Required.MAX_REMARK)))
                .on(REPLY, CaseCommand.Reply.class, (c, command, actor, now) -> reply(c, command));
    }

    private Step requestExtension(Case c, CaseCommand.RequestExtension e) {
        if (e.workingDays() < 1 || e.workingDays() > MAX_EXTENSION_DAYS) {
            throw new InvalidInputException("workingDays", Phrase.of("problem.cases.extension-days",
                    "延期天数须在 1 到 {0} 个工作日之间", MAX_EXTENSION_DAYS));
        }
        String reason = Required.text("reason", e.reason(), Required.What.EXTENSION_REASON);
        c.extensionDays = e.workingDays();
        // the reason is the step's own remark on the timeline, not kept on the case (it was a copy)
        return Step.of(StepRemark.of(StepRemark.Kind.EXTENSION_REQUESTED, reason, e.workingDays())
                .stored(Required.MAX_REMARK));
    }

    private Step approveExtension(Case c, String rawNote) {
        String note = Required.optional("note", rawNote, Required.MAX_REMARK);
        int days = c.extensionDays;
        Instant newDue = calendar.deadline(c.dueAt, TimeLimit.workingDays(days));
        String remark = StepRemark.of(StepRemark.Kind.EXTENSION_APPROVED, note, days, newDue)
                .stored(Required.MAX_REMARK);
        clearExtension(c);
        return new Step(remark, null, List.of(), days);
    }

    private Step reply(Case c, CaseCommand.Reply r) {
        coHandling.checkLeadMayReply(c);
        String text = Required.text("text", r.text(), Required.What.REPLY_TEXT, Required.MAX_REPLY);
        List<AttachmentPolicy.CheckedPhoto> evidence = photos.check("photos", r.evidence());
        c.replyText = text;
        return new Step(text, null, evidence, null);
    }

    private static void clearExtension(Case c) {
        c.extensionDays = null;
    }
}
