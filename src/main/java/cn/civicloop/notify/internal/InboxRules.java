package cn.civicloop.notify.internal;

import static cn.civicloop.directory.Role.DEPT_HEAD;
import static cn.civicloop.directory.Role.TRIAGE_OFFICER;
import static cn.civicloop.directory.Role.HANDLER;
import static cn.civicloop.directory.Role.LEADER;
import static cn.civicloop.directory.Role.OPERATOR;
import static java.util.Map.entry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.civicloop.cases.EscalationStep;
import cn.civicloop.directory.Role;

/**
 * Who gets a letter in his inbox, for which event, under which title. One table, to be read and changed in one
 * place. Actions are matched by name, so rules for actions that {@code CaseAction} does not have yet (催办 URGE,
 * 督办 SUPERVISE) are ready when they appear, and an action without a rule simply notifies nobody.
 */
final class InboxRules {

    /** Whose staff a rule addresses. */
    enum Scope {
        /** the department named by the event (its units included); nobody if the event has none */
        DEPARTMENT,
        /** the district centre (指挥中心): returns and extensions are decided there, not by a department's own dispatcher */
        CENTRE,
        /** anyone holding the role */
        ANYONE
    }

    /**
     * @param kind       stored with the letter, for filtering and icons
     * @param fallback   roles (district-wide) to tell when the event names no department
     */
    record Rule(String kind, String title, Scope scope, List<Role> roles, List<Role> fallback) {
    }

    private static final Map<String, Rule> ACTIONS = Map.ofEntries(
            entry("ASSIGN", rule("ASSIGN", "新工单待签收", Scope.DEPARTMENT, HANDLER, DEPT_HEAD)),
            entry("REASSIGN", rule("REASSIGN", "工单被改派", Scope.DEPARTMENT, HANDLER, DEPT_HEAD)),
            entry("DENY_RETURN", rule("DENY_RETURN", "退单被驳回", Scope.DEPARTMENT, HANDLER, DEPT_HEAD)),
            entry("REOPEN", rule("REOPEN", "群众申请重办", Scope.DEPARTMENT, HANDLER, DEPT_HEAD)),
            // the event names the department, not the unit: its handlers (units included) are told for now
            entry("ASSIGN_UNIT", rule("ASSIGN_UNIT", "新工单待签收（二级派单）", Scope.DEPARTMENT, HANDLER)),
            entry("RETURN", rule("RETURN", "退单待审", Scope.CENTRE, TRIAGE_OFFICER)),
            entry("REQUEST_EXTENSION", rule("REQUEST_EXTENSION", "延期申请待审", Scope.CENTRE, TRIAGE_OFFICER)),
            entry("REPLY", rule("REPLY", "办理反馈待审核", Scope.ANYONE, OPERATOR)),
            entry("REJECT", rule("REJECT", "工单被驳回返工", Scope.DEPARTMENT, HANDLER)),
            entry("REWORK", rule("REWORK", "工单被驳回返工", Scope.DEPARTMENT, HANDLER)),
            entry("URGE", rule("URGE", "工单催办", Scope.DEPARTMENT, HANDLER, DEPT_HEAD)),
            entry("SUPERVISE", rule("SUPERVISE", "工单督办", Scope.DEPARTMENT, HANDLER, DEPT_HEAD)));

    private static final Map<EscalationStep, Rule> ESCALATIONS = new EnumMap<>(Map.of(
            EscalationStep.REMIND, new Rule("REMIND", "工单时限提醒", Scope.DEPARTMENT, List.of(HANDLER), List.of(OPERATOR)),
            EscalationStep.SUPERVISE, new Rule("ESCALATION_SUPERVISE", "工单超时督办", Scope.DEPARTMENT,
                    List.of(DEPT_HEAD, HANDLER), List.of(OPERATOR)),
            EscalationStep.CIRCULATE, new Rule("CIRCULATE", "工单超时通报", Scope.ANYONE, List.of(LEADER), List.of())));

    /** A dissatisfied or unresolved follow-up answer: the centre's information officers decide on rework. */
    private static final Rule UNSETTLED_FOLLOW_UP = new Rule("FOLLOW_UP_UNSETTLED", "回访不满意待处理", Scope.CENTRE,
            List.of(OPERATOR), List.of());

    private InboxRules() {
    }

    static Optional<Rule> forUnsettledFollowUp() {
        return Optional.of(UNSETTLED_FOLLOW_UP);
    }

    private static Rule rule(String kind, String title, Scope scope, Role... roles) {
        return new Rule(kind, title, scope, List.of(roles), List.of());
    }

    static Optional<Rule> forAction(String actionName) {
        return Optional.ofNullable(ACTIONS.get(actionName));
    }

    static Optional<Rule> forEscalation(EscalationStep step) {
        return Optional.ofNullable(ESCALATIONS.get(step));
    }

    static Set<String> actionNames() {
        return ACTIONS.keySet();
    }
}
