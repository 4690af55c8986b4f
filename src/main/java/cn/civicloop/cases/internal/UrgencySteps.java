package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.CONFIRM_URGENCY;
import static cn.civicloop.cases.CaseAction.REJECT_URGENCY;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.Urgency;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.Phrase;

/**
 * Triage weighs the urgency a resident asked for (ADR 0015): confirmed, the case is urgent from now on and the
 * catalogue restarts its handling clock with the urgent limit; rejected, it stays as it is. Either way the hint is
 * settled, and the timeline says who decided, when and why.
 */
@Component
class UrgencySteps implements ActionHandlers {

    @Override
    public void register(Registry registry) {
        registry.on(CONFIRM_URGENCY, CaseCommand.ConfirmUrgency.class, (c, command, actor, now) -> {
            String reason = settle(c, command.reason());
            c.urgency = Urgency.URGENT;
            return Step.of(reason);
        }).on(REJECT_URGENCY, CaseCommand.RejectUrgency.class, (c, command, actor, now) ->
                Step.of(settle(c, command.reason())));
    }

    private static String settle(Case c, String rawReason) {
        if (c.urgencyHint == null) {
            throw new ConflictException(Phrase.of("problem.cases.no-urgency-hint", "没有待确认的紧急请求"));
        }
        String reason = Required.text("reason", rawReason, Required.What.URGENCY_REASON, Required.MAX_REMARK);
        c.urgencyHint = null;
        return reason;
    }
}
