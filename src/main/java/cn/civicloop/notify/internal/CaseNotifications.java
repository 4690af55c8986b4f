package cn.civicloop.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.FollowUpAnswered;
import cn.civicloop.cases.ResidentContact;
import cn.civicloop.notify.ResidentMessage;
import cn.civicloop.shared.SelectiveListener;

/**
 * Turns case events into letters for staff and messages for the resident. Runs after the case's transaction
 * committed, in a transaction of its own and tracked by the event publication registry: if it fails, the case
 * stays as it is and the publication stays incomplete, to be resubmitted; the unique source-event keys make a
 * second run harmless.
 */
@Component
class CaseNotifications implements SelectiveListener {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LOCAL);

    private final Recipients recipients;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ResidentChannels channels;
    private final CaseQueries cases;
    private final Clock clock;

    CaseNotifications(Recipients recipients, Inbox inbox, Outbox outbox, ResidentChannels channels,
            CaseQueries cases, Clock clock) {
        this.recipients = recipients;
        this.inbox = inbox;
        this.outbox = outbox;
        this.channels = channels;
        this.cases = cases;
        this.clock = clock;
    }

    /** Steps somebody is told of ({@link NotifiedActions}) and follow-ups left unsettled; every escalation. */
    @Override
    public boolean takes(Object event) {
        if (event instanceof CaseTransitioned t) {
            return NotifiedActions.concerns(t);
        }
        return !(event instanceof FollowUpAnswered f) || f.unsettled();
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        String action = event.action().name();
        String source = event.number() + "/" + action + "/" + event.occurredAt();
        InboxRules.forAction(action).ifPresent(rule -> {
            String body = "工单 %s：%s（%s → %s）".formatted(event.number(), event.action().label(),
                    label(event.from()), label(event.to()));
            letters(rule, event.departmentId(), event.number(), body, source, event.occurredAt());
        });
        if (!ResidentTexts.hasText(action)) {
            return;
        }
        // every reporter of the case is told, those of merged duplicates too, each under the number he knows
        Optional<String> mergedInto = event.action() == CaseAction.MERGE ? cases.mergedInto(event.number())
                : Optional.empty();
        List<ResidentContact> contacts = cases.residentContacts(event.number());
        for (int i = 0; i < contacts.size(); i++) {
            ResidentContact contact = contacts.get(i);
            Optional<String> text = event.action() == CaseAction.MERGE
                    ? mergedInto.map(into -> ResidentTexts.merged(contact.number(), into))
                    : ResidentTexts.forAction(action, event.number(), contact.number());
            // each further reporter's message is its own row, keyed by his number's hash: never the number in clear
            String from = i == 0 ? source : source + "/" + outbox.recipientKey(contact.phone());
            text.ifPresent(t -> outbox.enqueue(action, channels.selected(), new ResidentMessage(event.number(),
                    contact.channel() == null ? null : contact.channel().name(), contact.phone(), t), from,
                    clock.instant()));
        }
    }

    /** A dissatisfied or unresolved follow-up: the centre's information officers must decide on rework. */
    @ApplicationModuleListener
    void on(FollowUpAnswered event) {
        String source = event.number() + "/FOLLOW_UP_UNSETTLED/" + event.occurredAt();
        InboxRules.forUnsettledFollowUp().ifPresent(rule -> {
            String body = "工单 %s 回访结果：%s，%s。请决定回访不满意重办或向群众说明。".formatted(event.number(),
                    event.resolved() ? "已解决" : "未解决", event.satisfaction().label());
            letters(rule, event.departmentId(), event.number(), body, source, event.occurredAt());
        });
    }

    @ApplicationModuleListener
    void on(CaseEscalated event) {
        String source = event.number() + "/ESCALATED/" + event.stage() + "/" + event.step() + "/" + event.percent()
                + "/" + event.occurredAt();
        InboxRules.forEscalation(event.step()).ifPresent(rule -> {
            String body = "工单 %s「%s」时限已用 %d%%%s，已%s。".formatted(event.number(), event.stage().label(),
                    event.percent(), event.dueAt() == null ? "" : "（截止 " + DUE.format(event.dueAt()) + "）",
                    event.step().label());
            letters(rule, event.departmentId(), event.number(), body, source, event.occurredAt());
        });
    }

    private void letters(InboxRules.Rule rule, Long departmentId, String number, String body, String source,
            Instant at) {
        for (long staffId : recipients.of(rule, departmentId)) {
            inbox.add(staffId, number, rule.kind(), rule.title(), body, source, at);
        }
    }

    private static String label(CaseStatus status) {
        return status == null ? "—" : status.label();
    }
}
