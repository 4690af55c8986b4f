package cn.civicloop.cases.internal;

import static cn.civicloop.directory.Role.*;

import java.util.Objects;
import java.util.Set;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.directory.Actor;

/**
 * Who may read a case and who may do what to it. The district centre (operators, 一级 dispatchers) and leaders
 * see every case; department staff see only the cases currently with their department or unit, or on which their
 * department co-handles; admins manage the directory and see no case; residents reach their own case through its
 * token only. Which roles may take an action, and from where relative to the case, is the
 * {@link ActionCatalogue}'s word; this class reads it.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean canRead(Actor actor, Long departmentId, Long unitId) {
        return canRead(actor, new CaseHolders(departmentId, unitId, Set.of()));
    }

    public static boolean mayPerform(Actor actor, CaseAction action, Long departmentId, Long unitId) {
        return mayPerform(actor, action, new CaseHolders(departmentId, unitId, Set.of()));
    }

    public static boolean canRead(Actor actor, CaseHolders holders) {
        if (actor.has(SYSTEM) || actor.has(OPERATOR) || actor.has(LEADER)) {
            return true;
        }
        if (actor.has(TRIAGE_OFFICER) && actor.districtWide()) {
            return true;
        }
        boolean departmentStaff = actor.has(HANDLER) || actor.has(DEPT_HEAD) || actor.has(TRIAGE_OFFICER);
        return departmentStaff && (holds(actor, holders) || coHandles(actor, holders));
    }

    /**
     * May {@code actor} take {@code action} on a case held by {@code holders}? The resident variant assumes the
     * caller already proved the tracking token.
     */
    public static boolean mayPerform(Actor actor, CaseAction action, CaseHolders holders) {
        ActionEntry entry = ActionCatalogue.entry(action);
        if (actor.has(SYSTEM)) {
            return true; // the application acting on a rule, e.g. closing after a satisfied follow-up
        }
        if (actor.has(RESIDENT)) {
            return entry.roles().contains(RESIDENT);
        }
        if (!canRead(actor, holders) || entry.roles().stream().noneMatch(actor::has)) {
            return false;
        }
        return switch (entry.holder()) {
            case ANY_READER -> true;
            case DISTRICT -> actor.has(OPERATOR) || actor.districtWide();
            case HOLDING_DEPARTMENT -> holds(actor, holders);
            case CO_HANDLING_DEPARTMENT -> coHandles(actor, holders);
            case LEAD_DEPARTMENT -> !actor.districtWide()
                    && Objects.equals(actor.departmentId(), holders.departmentId());
        };
    }

    private static boolean coHandles(Actor actor, CaseHolders holders) {
        return actor.departmentId() != null && holders.coHandlers().contains(actor.departmentId());
    }

    private static boolean holds(Actor actor, CaseHolders holders) {
        Long own = actor.departmentId();
        return own != null && (own.equals(holders.departmentId()) || own.equals(holders.unitId()));
    }
}
