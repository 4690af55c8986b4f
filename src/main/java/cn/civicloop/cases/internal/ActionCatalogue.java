package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;
import static cn.civicloop.cases.CaseStatus.*;
import static cn.civicloop.cases.internal.ActionEntry.Holder.*;
import static cn.civicloop.cases.internal.ActionEntry.Offer.*;
import static cn.civicloop.cases.internal.ActionEntry.Shown.*;
import static cn.civicloop.cases.internal.sla.ClockEffect.*;
import static cn.civicloop.directory.Role.*;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import cn.civicloop.cases.ActionField;
import cn.civicloop.cases.ActionField.Kind;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseCommand.*;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.ClockStage;

/**
 * Every case action, once: who may take it, in which statuses and to which status it leads (the state machine of
 * ADR 0003 is this list read by status, see {@link Transitions}), the fields of its request and how they become its
 * command (for the API and the pages alike), what the resident sees of it, what it does to the stage clocks, whether
 * it moves the case between holders and when a page offers it. What it changes on the case is its handler's, one
 * per action in the families of {@link ActionHandlers}. Adding an action: see docs/adr/0011.
 * <p>
 * The loop follows the 12345 工单 lifecycle (受理 → 派单 → 签收 → 办理 → 回复 → 审核 → 回访 → 办结) with its
 * exception paths: 退单, 延期, 挂账, 作废/合并, 驳回返工, 回访不满意重办, and one reopening by the resident.
 */
final class ActionCatalogue {

    /** The fields requests carry; an action lists those it takes. */
    static final class Fields {
        static final ActionField REASON = new ActionField("reason", Kind.TEXT, true, true);
        static final ActionField NOTE = new ActionField("note", Kind.TEXT, false, true);
        static final ActionField TEXT = new ActionField("text", Kind.TEXT, true, true);
        static final ActionField DEPARTMENT = new ActionField("departmentId", Kind.DEPARTMENT, true, true);
        static final ActionField CO_HANDLER = new ActionField("departmentId", Kind.CO_HANDLER, true, true);
        static final ActionField UNIT = new ActionField("unitId", Kind.UNIT, true, true);
        /** a unit of the department assigned to, at once (API only: the page assigns to the department) */
        static final ActionField UNIT_TOO = new ActionField("unitId", Kind.UNIT, false, false);
        static final ActionField WORKING_DAYS = new ActionField("workingDays", Kind.WORKING_DAYS, true, true);
        static final ActionField RESOLVED = new ActionField("resolved", Kind.YES_NO, true, true);
        static final ActionField SATISFACTION = new ActionField("satisfaction", Kind.SATISFACTION, true, true);
        static final ActionField INTO_NUMBER = new ActionField("intoNumber", Kind.CASE_NUMBER, true, true);
        static final ActionField PUBLIC_NOTE = new ActionField("publicNote", Kind.CHECKBOX, false, true);
        static final ActionField PHOTOS = new ActionField("photos", Kind.PHOTOS, false, true);
        /** the API also takes a closing remark as {@code reason} (it wins over {@code note}) */
        static final ActionField CLOSING_REASON = new ActionField("reason", Kind.TEXT, false, false);

        private Fields() {
        }
    }

    /** While a department holds the case (supervision and co-handling accompany it there). */
    private static final CaseStatus[] HELD = {ASSIGNED, IN_PROGRESS, EXTENSION_REQUESTED, PARKED};

    private static final Map<CaseAction, ActionEntry> ENTRIES = index(
            recorded(SUBMIT).shown(STEP),
            of(REGISTER).by(OPERATOR).from(SUBMITTED).to(REGISTERED).shown(STEP)
                    .takes(Fields.NOTE).builds(v -> new Register(v.text(Fields.NOTE))),
            of(DECLINE).by(OPERATOR).from(SUBMITTED).to(DECLINED).shown(STEP_AND_REMARK).clocks(stopAll())
                    .takes(Fields.REASON).builds(v -> new Decline(v.text(Fields.REASON))),
            of(ANSWER).by(OPERATOR).from(SUBMITTED, REGISTERED).to(CLOSED).shown(STEP_AND_REMARK).clocks(stopAll())
                    .takes(Fields.TEXT).builds(v -> new Answer(v.text(Fields.TEXT))),
            of(ASSIGN).by(TRIAGE_OFFICER).holder(DISTRICT).from(REGISTERED).to(ASSIGNED).shown(STEP).movesCase()
                    .clocks(start(ClockStage.SIGN)).takes(Fields.DEPARTMENT, Fields.UNIT_TOO, Fields.NOTE)
                    .builds(v -> new Assign(v.id(Fields.DEPARTMENT), v.id(Fields.UNIT_TOO), v.text(Fields.NOTE))),
            of(REASSIGN).by(TRIAGE_OFFICER).holder(DISTRICT).from(ASSIGNED, RETURN_REQUESTED).to(ASSIGNED).shown(STEP)
                    .movesCase().clocks(start(ClockStage.SIGN))
                    .takes(Fields.DEPARTMENT, Fields.UNIT_TOO, Fields.REASON).builds(v -> new Reassign(
                            v.id(Fields.DEPARTMENT), v.id(Fields.UNIT_TOO), v.text(Fields.REASON))),
            of(ASSIGN_UNIT).by(TRIAGE_OFFICER, DEPT_HEAD).holder(LEAD_DEPARTMENT).during(ASSIGNED).movesCase()
                    .takes(Fields.UNIT, Fields.NOTE)
                    .builds(v -> new AssignUnit(v.id(Fields.UNIT), v.text(Fields.NOTE))),
            of(SIGN).by(HANDLER, DEPT_HEAD).holder(HOLDING_DEPARTMENT).from(ASSIGNED).to(IN_PROGRESS).shown(STEP)
                    .clocks(stop(ClockStage.SIGN), start(ClockStage.CONTACT))
                    .takes(Fields.NOTE).builds(v -> new Sign(v.text(Fields.NOTE))),
            of(RETURN).by(HANDLER, DEPT_HEAD).holder(HOLDING_DEPARTMENT).from(ASSIGNED, IN_PROGRESS)
                    .to(RETURN_REQUESTED).movesCase().clocks(stop(ClockStage.SIGN), stop(ClockStage.CONTACT))
                    .takes(Fields.REASON).builds(v -> new Return(v.text(Fields.REASON))),
            of(DENY_RETURN).by(TRIAGE_OFFICER).holder(DISTRICT).from(RETURN_REQUESTED).to(ASSIGNED).movesCase()
                    .clocks(start(ClockStage.SIGN))
                    .takes(Fields.REASON).builds(v -> new DenyReturn(v.text(Fields.REASON))),
            of(REQUEST_EXTENSION).by(HANDLER, DEPT_HEAD).holder(HOLDING_DEPARTMENT).from(IN_PROGRESS)
                    .to(EXTENSION_REQUESTED).takes(Fields.WORKING_DAYS, Fields.REASON).builds(v ->
                            new RequestExtension(v.days(Fields.WORKING_DAYS), v.text(Fields.REASON))),
            of(APPROVE_EXTENSION).by(TRIAGE_OFFICER).holder(DISTRICT).from(EXTENSION_REQUESTED).to(IN_PROGRESS)
                    .shown(STEP_AND_REMARK).clocks(extend())
                    .takes(Fields.NOTE).builds(v -> new ApproveExtension(v.text(Fields.NOTE))),
            of(DENY_EXTENSION).by(TRIAGE_OFFICER).holder(DISTRICT).from(EXTENSION_REQUESTED).to(IN_PROGRESS)
                    .takes(Fields.REASON).builds(v -> new DenyExtension(v.text(Fields.REASON))),
            of(PARK).by(TRIAGE_OFFICER).holder(DISTRICT).from(IN_PROGRESS).to(PARKED).clocks(pause(ClockStage.HANDLE))
                    .takes(Fields.REASON).builds(v -> new Park(v.text(Fields.REASON))),
            of(RESUME).by(TRIAGE_OFFICER).holder(DISTRICT).from(PARKED).to(IN_PROGRESS).clocks(resume(ClockStage.HANDLE))
                    .takes(Fields.NOTE).builds(v -> new Resume(v.text(Fields.NOTE))),
            of(REPLY).by(HANDLER, DEPT_HEAD).holder(HOLDING_DEPARTMENT).from(IN_PROGRESS).to(REPLIED)
                    .clocks(stop(ClockStage.HANDLE), stop(ClockStage.CONTACT), start(ClockStage.REVIEW))
                    .takes(Fields.TEXT, Fields.PHOTOS).builds(v -> new Reply(v.text(Fields.TEXT), v.photos())),
            of(APPROVE).by(OPERATOR).from(REPLIED).to(AWAITING_FOLLOW_UP).shown(STEP_AND_REMARK)
                    .clocks(stop(ClockStage.REVIEW), start(ClockStage.FOLLOW_UP))
                    .takes(Fields.NOTE).builds(v -> new Approve(v.text(Fields.NOTE))),
            of(REJECT).by(OPERATOR).from(REPLIED).to(IN_PROGRESS).clocks(stop(ClockStage.REVIEW), startRework())
                    .takes(Fields.REASON).builds(v -> new Reject(v.text(Fields.REASON))),
            of(FOLLOW_UP).by(OPERATOR, RESIDENT).during(AWAITING_FOLLOW_UP).shown(STEP)
                    .takes(Fields.RESOLVED, Fields.SATISFACTION, Fields.NOTE).builds(v -> new FollowUp(
                            v.yes(Fields.RESOLVED), v.satisfaction(Fields.SATISFACTION), v.text(Fields.NOTE))),
            of(CLOSE).by(OPERATOR).from(AWAITING_FOLLOW_UP).to(CLOSED).shown(STEP_AND_REMARK).clocks(stopAll())
                    .offered(AFTER_FOLLOW_UP)
                    .takes(Fields.NOTE, Fields.CLOSING_REASON)
                    .builds(v -> new Close(v.firstText(Fields.CLOSING_REASON, Fields.NOTE))),
            of(REWORK).by(OPERATOR).from(AWAITING_FOLLOW_UP).to(IN_PROGRESS).shown(STEP)
                    .clocks(stop(ClockStage.FOLLOW_UP), startRework())
                    .takes(Fields.REASON).builds(v -> new Rework(v.text(Fields.REASON))),
            // back to the department, which signs again; a case answered directly has none: REGISTERED (Case#moveTo)
            of(REOPEN).by(OPERATOR, RESIDENT).from(CLOSED).to(ASSIGNED).shown(STEP_AND_REMARK)
                    .clocks(start(ClockStage.SIGN), startRework())
                    .takes(Fields.REASON).builds(v -> new Reopen(v.text(Fields.REASON))),
            of(VOID).by(OPERATOR, TRIAGE_OFFICER).holder(DISTRICT).from(SUBMITTED, REGISTERED, ASSIGNED, RETURN_REQUESTED)
                    .to(VOIDED).shown(STEP_AND_REMARK).movesCase().clocks(stopAll())
                    .takes(Fields.REASON).builds(v -> new CaseCommand.Void(v.text(Fields.REASON))),
            of(MERGE).by(OPERATOR, TRIAGE_OFFICER).holder(DISTRICT)
                    .from(SUBMITTED, REGISTERED, ASSIGNED, RETURN_REQUESTED, IN_PROGRESS).to(VOIDED).shown(STEP)
                    .movesCase().clocks(stopAll()).takes(Fields.INTO_NUMBER, Fields.NOTE)
                    .builds(v -> new Merge(v.text(Fields.INTO_NUMBER), v.text(Fields.NOTE))),
            of(NOTE).by(OPERATOR, TRIAGE_OFFICER, HANDLER, DEPT_HEAD, LEADER).shown(CHOSEN_PER_ENTRY)
                    .during(SUBMITTED, REGISTERED, ASSIGNED, RETURN_REQUESTED, IN_PROGRESS, EXTENSION_REQUESTED, PARKED,
                            REPLIED, AWAITING_FOLLOW_UP, CLOSED)
                    .takes(Fields.TEXT, Fields.PUBLIC_NOTE)
                    .builds(v -> new Note(v.text(Fields.TEXT), v.checked(Fields.PUBLIC_NOTE))),
            of(CONTACT).by(HANDLER, DEPT_HEAD).holder(HOLDING_DEPARTMENT)
                    .during(IN_PROGRESS, EXTENSION_REQUESTED, PARKED).clocks(stop(ClockStage.CONTACT))
                    .takes(Fields.NOTE, Fields.PHOTOS).builds(v -> new Contact(v.text(Fields.NOTE), v.photos())),
            of(URGE).by(TRIAGE_OFFICER, LEADER).holder(DISTRICT).during(HELD)
                    .takes(Fields.NOTE).builds(v -> new Urge(v.text(Fields.NOTE))),
            of(SUPERVISE).by(TRIAGE_OFFICER, LEADER).holder(DISTRICT).during(HELD)
                    .takes(Fields.NOTE).builds(v -> new Supervise(v.text(Fields.NOTE))),
            of(ACKNOWLEDGE).by(HANDLER, DEPT_HEAD).holder(HOLDING_DEPARTMENT).during(HELD)
                    .offered(WITH_OPEN_SUPERVISION)
                    .takes(Fields.NOTE).builds(v -> new Acknowledge(v.text(Fields.NOTE))),
            of(ADD_CO_HANDLER).by(TRIAGE_OFFICER).holder(DISTRICT).during(ASSIGNED, IN_PROGRESS, EXTENSION_REQUESTED)
                    .movesCase().takes(Fields.DEPARTMENT, Fields.NOTE)
                    .builds(v -> new AddCoHandler(v.id(Fields.DEPARTMENT), v.text(Fields.NOTE))),
            of(RELEASE_CO_HANDLER).by(TRIAGE_OFFICER).holder(DISTRICT).during(HELD).movesCase()
                    .offered(WITH_CO_HANDLERS).takes(Fields.CO_HANDLER, Fields.REASON)
                    .builds(v -> new ReleaseCoHandler(v.id(Fields.CO_HANDLER), v.text(Fields.REASON))),
            of(CO_SIGN).by(HANDLER, DEPT_HEAD).holder(CO_HANDLING_DEPARTMENT).during(HELD)
                    .offered(WITH_CO_TASK_TO_SIGN).takes(Fields.NOTE).builds(v -> new CoSign(v.text(Fields.NOTE))),
            of(CO_REPLY).by(HANDLER, DEPT_HEAD).holder(CO_HANDLING_DEPARTMENT).during(HELD)
                    .offered(WITH_SIGNED_CO_TASK).takes(Fields.TEXT, Fields.PHOTOS)
                    .builds(v -> new CoReply(v.text(Fields.TEXT), v.photos())),
            of(CO_RETURN).by(HANDLER, DEPT_HEAD).holder(CO_HANDLING_DEPARTMENT).during(HELD).movesCase()
                    .takes(Fields.REASON).builds(v -> new CoReturn(v.text(Fields.REASON))),
            of(ARBITRATE).by(TRIAGE_OFFICER).holder(DISTRICT).from(RETURN_REQUESTED).to(ASSIGNED).movesCase()
                    .clocks(start(ClockStage.SIGN)).takes(Fields.DEPARTMENT, Fields.REASON)
                    .builds(v -> new Arbitrate(v.id(Fields.DEPARTMENT), v.text(Fields.REASON))),
            // a resident's 紧急 is a hint (ADR 0015): the centre weighs it before the case goes out, and only a
            // confirmation starts the urgent clock, from the moment of the decision
            of(CONFIRM_URGENCY).by(TRIAGE_OFFICER, OPERATOR).holder(DISTRICT).during(SUBMITTED, REGISTERED)
                    .offered(WITH_URGENCY_HINT).shown(STEP).clocks(start(ClockStage.HANDLE))
                    .takes(Fields.REASON).builds(v -> new CaseCommand.ConfirmUrgency(v.text(Fields.REASON))),
            of(REJECT_URGENCY).by(TRIAGE_OFFICER, OPERATOR).holder(DISTRICT).during(SUBMITTED, REGISTERED)
                    .offered(WITH_URGENCY_HINT).takes(Fields.REASON)
                    .builds(v -> new CaseCommand.RejectUrgency(v.text(Fields.REASON))),
            recorded(REMIND),
            recorded(CIRCULATE),
            // taken through CasePlacing (the caller locates the point in the area tree), never through a form here
            recorded(PLACE),
            // taken through MediaSupervisionTimeline by the media module: the media centre opens and publishes, the
            // department responds; internal on the resident's timeline (what is public of it is on the board)
            of(MEDIA_SUPERVISION).by(MEDIA_OFFICER, HANDLER, DEPT_HEAD));

    private ActionCatalogue() {
    }

    /** The entry of {@code action}; every action has one. */
    static ActionEntry entry(CaseAction action) {
        return ENTRIES.get(action);
    }

    static Collection<ActionEntry> all() {
        return ENTRIES.values();
    }

    private static ActionEntry.Builder of(CaseAction action) {
        return ActionEntry.of(action);
    }

    /** A step the system records (on intake, on the escalation ladder); nobody takes it by a request. */
    private static ActionEntry.Builder recorded(CaseAction action) {
        return ActionEntry.of(action).by(SYSTEM);
    }

    private static Map<CaseAction, ActionEntry> index(ActionEntry.Builder... entries) {
        Map<CaseAction, ActionEntry> index = new EnumMap<>(CaseAction.class);
        Stream.of(entries).map(ActionEntry.Builder::build).forEach(e -> {
            if (index.put(e.action(), e) != null) {
                throw new IllegalStateException("two catalogue entries for " + e.action());
            }
        });
        Stream.of(CaseAction.values()).filter(a -> !index.containsKey(a)).findFirst().ifPresent(a -> {
            throw new IllegalStateException("no catalogue entry for " + a);
        });
        return Collections.unmodifiableMap(index);
    }
}
