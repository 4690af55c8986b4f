package cn.civicloop.partner.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.SelectiveListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each change of a case held by an agency into one webhook delivery per client of that agency with a webhook:
 * {@code case.assigned} when the case came to the agency, {@code case.changed} for any other step. Runs after the
 * case's commit, in a transaction of its own (the event publication registry retries it), and writes the outbox only:
 * no HTTP here. The body carries no personal data and no free text; the system reads the case through the API.
 */
@Component
class CaseChangeWebhooks implements SelectiveListener {

    static final Set<CaseAction> ARRIVALS = EnumSet.of(CaseAction.ASSIGN, CaseAction.REASSIGN, CaseAction.ASSIGN_UNIT,
            CaseAction.ARBITRATE);

    private final PartnerRegistry registry;
    private final WebhookOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    CaseChangeWebhooks(PartnerRegistry registry, WebhookOutbox outbox, JsonMapper json, Clock clock) {
        this.registry = registry;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Only a step of a case held by an agency with a webhook subscriber stores a publication here. */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || registry.hasSubscribers(t.departmentId());
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        if (event.departmentId() == null) {
            return;
        }
        List<PartnerRegistry.Subscriber> subscribers = registry.subscribers(event.departmentId());
        if (subscribers.isEmpty()) {
            return;
        }
        // the same event handled twice (a resubmitted publication) is the same delivery: the id is the event's
        String eventId = Secrets.sha256(event.number() + "|" + event.action() + "|" + event.occurredAt() + "|"
                + event.to()).substring(0, 32);
        String type = ARRIVALS.contains(event.action()) ? "case.assigned" : "case.changed";
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("number", event.number());
        c.put("action", event.action().name());
        c.put("from", event.from() == null ? null : event.from().name());
        c.put("status", event.to().name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type);
        body.put("occurredAt", event.occurredAt().atZone(DistrictTime.ZONE).toOffsetDateTime().toString());
        body.put("case", c);
        String text = json.writeValueAsString(body);
        for (PartnerRegistry.Subscriber s : subscribers) {
            outbox.enqueue(s.clientRef(), eventId, type, event.number(), text, clock.instant());
        }
    }
}
