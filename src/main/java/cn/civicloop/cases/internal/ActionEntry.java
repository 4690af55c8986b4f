package cn.civicloop.cases.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.civicloop.cases.ActionField;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.internal.sla.ClockEffect;
import cn.civicloop.directory.Role;

/**
 * One action of the {@link ActionCatalogue}: everything about it but what it changes on the case, which is its
 * handler's business (see {@link ActionHandlers}).
 *
 * @param roles       who may take it (any one of them)
 * @param holder      which of those, by where they sit relative to the case
 * @param transitions the statuses it is allowed in and the status each leads to
 * @param fields      what a request for it carries, in the order a page shows them
 * @param command     builds its command from a request's values; {@code null} for steps only the system records
 * @param shown       what the resident sees of it on his timeline
 * @param clocks      what it does to the stage clocks, in order
 * @param movesCase   whether it moves the case between holders (lists of the holder it leaves change too)
 * @param offer       when a page offers it, beyond status and rights
 */
record ActionEntry(CaseAction action, Set<Role> roles, Holder holder, Map<CaseStatus, CaseStatus> transitions,
        List<ActionField> fields, Function<ActionValues, CaseCommand> command, Shown shown, List<ClockEffect> clocks,
        boolean movesCase, Offer offer) {

    /** Where, relative to the case, someone with one of the action's roles must sit to take it. */
    enum Holder {
        /** anyone who may read the case */
        ANY_READER,
        /** the district centre (an operator always counts as the centre), never a department's own dispatcher */
        DISTRICT,
        /** the department or unit that holds the case */
        HOLDING_DEPARTMENT,
        /** a department with a co-handling task on the case (协办) */
        CO_HANDLING_DEPARTMENT,
        /** the lead department itself (二级派单: its head or its own dispatcher), neither the centre nor one of its units */
        LEAD_DEPARTMENT
    }

    /** What the resident sees of a timeline entry of the action. */
    enum Shown {
        /** nothing: an internal step */
        HIDDEN,
        /** that it happened, not the remark */
        STEP,
        /** that it happened and the remark, which is written for him (a reason he is told, the published reply) */
        STEP_AND_REMARK,
        /** what the member of staff chose for the entry (a note marked public), remark included */
        CHOSEN_PER_ENTRY
    }

    /** When a page offers an action that status and rights allow. */
    enum Offer {
        ALWAYS,
        /** only while a 催办 or 督办 waits for the department's answer */
        WITH_OPEN_SUPERVISION,
        /** only while the case has co-handlers */
        WITH_CO_HANDLERS,
        /** only while the reader's department has a co-handling task still to sign for */
        WITH_CO_TASK_TO_SIGN,
        /** only while the reader's department has signed for its co-handling task and not answered it */
        WITH_SIGNED_CO_TASK,
        /**
         * only once a follow-up answer (回访) is recorded; the API still takes the action with a stated reason when
         * the resident cannot be reached
         */
        AFTER_FOLLOW_UP,
        /** only while the urgency a resident asked for waits for triage's decision */
        WITH_URGENCY_HINT
    }

    /** Whether it keeps evidence photos with its timeline entry. */
    boolean keepsEvidence() {
        return fields.stream().anyMatch(f -> f.kind() == ActionField.Kind.PHOTOS);
    }

    /** Whether people take it by a request (API or page); the others are recorded by the system. */
    boolean takenByRequest() {
        return command != null;
    }

    static Builder of(CaseAction action) {
        return new Builder(action);
    }

    /** Writes an entry as one sentence: {@code of(SIGN).by(HANDLER).from(ASSIGNED).to(IN_PROGRESS)...}. */
    static final class Builder {

        private final CaseAction action;
        private final Set<Role> roles = EnumSet.noneOf(Role.class);
        private Holder holder = Holder.ANY_READER;
        private final Map<CaseStatus, CaseStatus> transitions = new EnumMap<>(CaseStatus.class);
        private CaseStatus[] pendingFrom = new CaseStatus[0];
        private final List<ActionField> fields = new ArrayList<>();
        private Function<ActionValues, CaseCommand> command;
        private Shown shown = Shown.HIDDEN;
        private final List<ClockEffect> clocks = new ArrayList<>();
        private boolean movesCase;
        private Offer offer = Offer.ALWAYS;

        private Builder(CaseAction action) {
            this.action = action;
        }

        Builder by(Role... who) {
            roles.addAll(List.of(who));
            return this;
        }

        Builder holder(Holder where) {
            holder = where;
            return this;
        }

        /** The statuses of the next {@link #to}. */
        Builder from(CaseStatus... statuses) {
            pendingFrom = statuses;
            return this;
        }

        Builder to(CaseStatus status) {
            for (CaseStatus from : pendingFrom) {
                transitions.put(from, status);
            }
            pendingFrom = new CaseStatus[0];
            return this;
        }

        /** Allowed in these statuses, and the case stays in them. */
        Builder during(CaseStatus... statuses) {
            for (CaseStatus status : statuses) {
                transitions.put(status, status);
            }
            return this;
        }

        Builder takes(ActionField... taken) {
            fields.addAll(List.of(taken));
            return this;
        }

        Builder builds(Function<ActionValues, CaseCommand> builder) {
            command = builder;
            return this;
        }

        Builder shown(Shown toResident) {
            shown = toResident;
            return this;
        }

        Builder clocks(ClockEffect... effects) {
            clocks.addAll(List.of(effects));
            return this;
        }

        Builder movesCase() {
            movesCase = true;
            return this;
        }

        Builder offered(Offer when) {
            offer = when;
            return this;
        }

        ActionEntry build() {
            if (pendingFrom.length > 0) {
                throw new IllegalStateException(action + ": from(...) without to(...)");
            }
            Set<Role> who = roles.isEmpty() ? EnumSet.of(Role.SYSTEM) : EnumSet.copyOf(roles);
            return new ActionEntry(action, Collections.unmodifiableSet(who), holder,
                    Collections.unmodifiableMap(new EnumMap<>(transitions)), List.copyOf(fields), command, shown,
                    List.copyOf(clocks), movesCase, offer);
        }
    }
}
