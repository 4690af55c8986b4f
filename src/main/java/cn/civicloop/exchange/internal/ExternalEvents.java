package cn.civicloop.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.CaseOpened;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.dispatch.IncidentCleared;
import cn.civicloop.dispatch.IncidentDispatched;
import cn.civicloop.exchange.CaseAssignedMessage;
import cn.civicloop.exchange.CaseClosedMessage;
import cn.civicloop.exchange.CaseEscalatedMessage;
import cn.civicloop.exchange.CaseOpenedMessage;
import cn.civicloop.exchange.CaseRepliedMessage;
import cn.civicloop.exchange.ExternalEvent;
import cn.civicloop.exchange.IncidentClearedMessage;
import cn.civicloop.exchange.IncidentDispatchedMessage;
import cn.civicloop.exchange.WhistleBlownMessage;
import cn.civicloop.roads.WhistleBlown;
import cn.civicloop.shared.DistrictTime;

/**
 * Selects the domain events other systems get and copies each into its published record. The copy is explicit, field
 * by field: what a domain event gains later (a staff id, a text) does not leave unless it is added here and to the
 * schema. Departments leave as their directory code, never as the internal id.
 */
class ExternalEvents {

    static final Set<CaseAction> ASSIGNING = EnumSet.of(CaseAction.ASSIGN, CaseAction.REASSIGN, CaseAction.ASSIGN_UNIT,
            CaseAction.ARBITRATE);
    static final Set<CaseAction> REPLYING = EnumSet.of(CaseAction.REPLY, CaseAction.ANSWER);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Looked up when an event is mapped: the selection is needed long before the directory exists. */
    private final Supplier<Directory> directory;

    ExternalEvents(Supplier<Directory> directory) {
        this.directory = directory;
    }

    /** Whether the event leaves; asked when it is published, so nothing is stored for the others. */
    boolean published(Object event) {
        if (event instanceof CaseTransitioned e) {
            return ASSIGNING.contains(e.action()) || REPLYING.contains(e.action()) || ends(e);
        }
        return event instanceof CaseOpened || event instanceof CaseEscalated || event instanceof IncidentDispatched
                || event instanceof IncidentCleared || event instanceof WhistleBlown;
    }

    private static boolean ends(CaseTransitioned e) {
        return e.to() != null && e.to().ended() && (e.from() == null || !e.from().ended());
    }

    /** The published record of a selected event. */
    Object map(Object event) {
        if (event instanceof CaseOpened e) {
            return new CaseOpenedMessage(ExternalEvent.SCHEMA_VERSION, CaseOpenedMessage.TYPE,
                    id(CaseOpenedMessage.TYPE, e.number(), e.occurredAt(), ""), e.number(), time(e.occurredAt()),
                    e.channel().name(), e.kind().name(), e.urgency().name(), e.streetCode(), time(e.dueAt()));
        }
        if (event instanceof CaseEscalated e) {
            return new CaseEscalatedMessage(ExternalEvent.SCHEMA_VERSION, CaseEscalatedMessage.TYPE,
                    id(CaseEscalatedMessage.TYPE, e.number(), e.occurredAt(), e.stage() + "/" + e.step()), e.number(),
                    time(e.occurredAt()), e.stage().name(), e.percent(), e.step().name(), department(e.departmentId()),
                    time(e.dueAt()));
        }
        if (event instanceof CaseTransitioned e) {
            return transition(e);
        }
        if (event instanceof IncidentDispatched e) {
            return new IncidentDispatchedMessage(ExternalEvent.SCHEMA_VERSION, IncidentDispatchedMessage.TYPE,
                    id(IncidentDispatchedMessage.TYPE, e.number(), e.occurredAt(), e.unitCode()), e.number(),
                    time(e.occurredAt()), e.line(), e.type().name(), e.priority(), e.blockCode(), e.unitCode(),
                    e.first(), time(e.receivedAt()));
        }
        if (event instanceof IncidentCleared e) {
            return new IncidentClearedMessage(ExternalEvent.SCHEMA_VERSION, IncidentClearedMessage.TYPE,
                    id(IncidentClearedMessage.TYPE, e.number(), e.occurredAt(), ""), e.number(), time(e.occurredAt()),
                    e.line(), e.type().name(), e.priority(), e.blockCode(), time(e.receivedAt()),
                    time(e.firstDispatchedAt()), time(e.firstOnsceneAt()), e.units());
        }
        if (event instanceof WhistleBlown e) {
            String key = "W" + e.id();
            return new WhistleBlownMessage(ExternalEvent.SCHEMA_VERSION, WhistleBlownMessage.TYPE,
                    id(WhistleBlownMessage.TYPE, key, e.occurredAt(), ""), key, time(e.occurredAt()), e.areaCode(),
                    e.segmentCode(), e.departmentCodes(), e.blowerLevel(), time(e.ackDue()), time(e.reportDue()));
        }
        throw new IllegalArgumentException("not a published event: " + event.getClass().getName());
    }

    private ExternalEvent transition(CaseTransitioned e) {
        String action = e.action().name();
        String status = e.to().name();
        if (ASSIGNING.contains(e.action())) {
            return new CaseAssignedMessage(ExternalEvent.SCHEMA_VERSION, CaseAssignedMessage.TYPE,
                    id(CaseAssignedMessage.TYPE, e.number(), e.occurredAt(), action), e.number(), time(e.occurredAt()),
                    action, status, department(e.departmentId()));
        }
        if (REPLYING.contains(e.action())) {
            return new CaseRepliedMessage(ExternalEvent.SCHEMA_VERSION, CaseRepliedMessage.TYPE,
                    id(CaseRepliedMessage.TYPE, e.number(), e.occurredAt(), action), e.number(), time(e.occurredAt()),
                    action, status, department(e.departmentId()));
        }
        return new CaseClosedMessage(ExternalEvent.SCHEMA_VERSION, CaseClosedMessage.TYPE,
                id(CaseClosedMessage.TYPE, e.number(), e.occurredAt(), action), e.number(), time(e.occurredAt()), action,
                status);
    }

    private String department(Long id) {
        return id == null ? null : directory.get().department(id).map(Department::code).orElse(null);
    }

    /** The same event always gets the same id, so a consumer recognises a second delivery of it. */
    static String id(String type, String key, Instant at, String discriminator) {
        String name = type + '|' + key + '|' + at + '|' + discriminator;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String time(Instant at) {
        return at == null ? null : RFC3339.format(at.atZone(DistrictTime.ZONE));
    }
}
