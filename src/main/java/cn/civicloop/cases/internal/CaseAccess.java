package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;
import static cn.civicloop.directory.Role.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/**
 * Who may read a case and who may do what to it. The district centre (operators, 一级 dispatchers) and leaders
 * see every case; department staff see only the cases currently with their department or unit; admins manage
 * the directory and see no case; residents reach their own case through its token only.
 */
public final class CaseAccess {

    private static final Map<CaseAction, Set<Role>> OWNERS = new EnumMap<>(CaseAction.class);

    static {
        owners(EnumSet.of(OPERATOR), REGISTER, DECLINE, ANSWER, APPROVE, REJECT, CLOSE, REWORK);
        owners(EnumSet.of(OPERATOR, RESIDENT), FOLLOW_UP, REOPEN);
        owners(EnumSet.of(OPERATOR, DISPATCHER), VOID, MERGE);
        owners(EnumSet.of(DISPATCHER), ASSIGN, REASSIGN, DENY_RETURN, APPROVE_EXTENSION, DENY_EXTENSION, PARK, RESUME);
        owners(EnumSet.of(DISPATCHER, DEPT_HEAD), ASSIGN_UNIT);
        owners(EnumSet.of(HANDLER, DEPT_HEAD), SIGN, RETURN, REQUEST_EXTENSION, REPLY);
        owners(EnumSet.of(OPERATOR, DISPATCHER, HANDLER, DEPT_HEAD, LEADER), NOTE);
        owners(EnumSet.of(SYSTEM), SUBMIT, REMIND, CIRCULATE);
        owners(EnumSet.of(HANDLER, DEPT_HEAD), CONTACT, ACKNOWLEDGE);
        owners(EnumSet.of(DISPATCHER, LEADER), URGE, SUPERVISE);
        owners(EnumSet.of(DISPATCHER), ADD_CO_HANDLER, RELEASE_CO_HANDLER, ARBITRATE);
        owners(EnumSet.of(HANDLER, DEPT_HEAD), CO_SIGN, CO_REPLY, CO_RETURN);
    }

    /** Actions only the district centre may take, never a department's own (二级) dispatcher. */
    private static final Set<CaseAction> DISTRICT_ONLY = EnumSet.of(ASSIGN, REASSIGN, DENY_RETURN,
            APPROVE_EXTENSION, DENY_EXTENSION, PARK, RESUME, VOID, MERGE, URGE, SUPERVISE, ADD_CO_HANDLER,
            RELEASE_CO_HANDLER, ARBITRATE);

    /** Actions of a co-handling department on its own task (协办). */
    private static final Set<CaseAction> CO_HANDLER_ONLY = EnumSet.of(CO_SIGN, CO_REPLY, CO_RETURN);

    /** Actions of the department that holds the case. */
    private static final Set<CaseAction> DEPARTMENT_ONLY = EnumSet.of(SIGN, RETURN, REQUEST_EXTENSION, REPLY,
            CONTACT, ACKNOWLEDGE);

    private CaseAccess() {
    }

    private static void owners(Set<Role> roles, CaseAction... actions) {
        for (CaseAction action : actions) {
            OWNERS.put(action, roles);
        }
    }

    public static Set<Role> owners(CaseAction action) {
        return OWNERS.getOrDefault(action, Set.of());
    }

    public static boolean canRead(Actor actor, Long departmentId, Long unitId) {
        return canRead(actor, new CaseHolders(departmentId, unitId, Set.of()));
    }

    public static boolean mayPerform(Actor actor, CaseAction action, Long departmentId, Long unitId) {
        return mayPerform(actor, action, new CaseHolders(departmentId, unitId, Set.of()));
    }

    public static boolean canRead(Actor actor, CaseHolders holders) {
        Long departmentId = holders.departmentId();
        Long unitId = holders.unitId();
        if (actor.has(SYSTEM) || actor.has(OPERATOR) || actor.has(LEADER)) {
            return true;
        }
        if (actor.has(DISPATCHER) && actor.districtWide()) {
            return true;
        }
        boolean departmentStaff = actor.has(HANDLER) || actor.has(DEPT_HEAD) || actor.has(DISPATCHER);
        return departmentStaff && (holds(actor, departmentId, unitId) || coHandles(actor, holders));
    }

    /**
     * May {@code actor} take {@code action} on a case held by {@code departmentId}/{@code unitId}? The resident
     * variant assumes the caller already proved the tracking token.
     */
    public static boolean mayPerform(Actor actor, CaseAction action, CaseHolders holders) {
        Long departmentId = holders.departmentId();
        Long unitId = holders.unitId();
        Set<Role> owners = owners(action);
        if (actor.has(SYSTEM)) {
            return true; // the application acting on a rule, e.g. closing after a satisfied follow-up
        }
        if (actor.has(RESIDENT)) {
            return owners.contains(RESIDENT);
        }
        if (!canRead(actor, holders) || owners.stream().noneMatch(actor::has)) {
            return false;
        }
        if (DISTRICT_ONLY.contains(action) && !actor.has(OPERATOR)) {
            return actor.districtWide();
        }
        if (CO_HANDLER_ONLY.contains(action)) {
            return coHandles(actor, holders);
        }
        if (DEPARTMENT_ONLY.contains(action)) {
            return holds(actor, departmentId, unitId);
        }
        if (action == ASSIGN_UNIT && !actor.districtWide()) {
            return Objects.equals(actor.departmentId(), departmentId);
        }
        return true;
    }

    private static boolean coHandles(Actor actor, CaseHolders holders) {
        return actor.departmentId() != null && holders.coHandlers().contains(actor.departmentId());
    }

    private static boolean holds(Actor actor, Long departmentId, Long unitId) {
        Long own = actor.departmentId();
        return own != null && (own.equals(departmentId) || own.equals(unitId));
    }
}
