package cn.civicloop.cases.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;

/**
 * The case state machine as one table: for each status, the actions allowed and the status they lead to, read
 * from the {@link ActionCatalogue} (each action says where it is allowed). Anything not in the table is refused.
 * Actions that lead back to the same status (a note, a follow-up answer, a unit assignment) are recorded on the
 * timeline like any other.
 */
public final class Transitions {

    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> TABLE = new EnumMap<>(CaseStatus.class);

    static {
        for (ActionEntry entry : ActionCatalogue.all()) {
            entry.transitions().forEach((from, to) ->
                    TABLE.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(entry.action(), to));
        }
    }

    private Transitions() {
    }

    /** The status {@code action} leads to from {@code from}, or empty if the action is not allowed there. */
    public static Optional<CaseStatus> target(CaseStatus from, CaseAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    public static Set<CaseAction> allowedIn(CaseStatus status) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(status, Map.of()).keySet());
    }
}
