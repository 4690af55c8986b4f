package cn.civicloop.cases.internal;

import java.time.Instant;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.Urgency;
import cn.civicloop.cases.internal.sla.LimitKey;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;

/**
 * The case (工单) aggregate: one row of {@code cases_case}. Its status only moves through {@link #moveTo}, which
 * consults the {@link Transitions} table; the actions' handlers set the other fields that an action changes.
 */
public final class Case {

    Long id;
    String number;
    CaseStatus status;
    Channel channel;
    String externalRef;
    AppealKind kind;
    Urgency urgency;
    /** The urgency the submitter asked for and intake did not take (a public channel), until triage weighs it. */
    Urgency urgencyHint;
    String category;
    String title;
    String content;
    String address;
    Double lat;
    Double lon;
    String streetCode;
    String communityCode;
    String gridCode;
    /** How intake placed the case from its address words (null: by its point); see {@link cn.civicloop.cases.PlaceMatch}. */
    String placeLevel;
    Double placeConfidence;
    boolean placeToConfirm;
    String contactName;
    String contactPhone;
    boolean anonymous;
    Long departmentId;
    Long unitId;
    Long handlerId;
    Instant dueAt;
    String replyText;
    Integer extensionDays;
    Boolean followUpResolved;
    Satisfaction satisfaction;
    Long duplicateOf;
    int reworkCount;
    int reopenCount;
    int returnCount;
    boolean arbitrated;
    Instant createdAt;
    Instant updatedAt;
    Instant closedAt;
    int version;
    /** The derived columns' sources as last read or written ({@link Cases}); null for a case not stored yet. */
    Cases.Stored stored;

    /**
     * Applies the status change of {@code action}, or refuses it with a message that names the current status.
     *
     * @return the status before the change
     */
    CaseStatus moveTo(CaseAction action, Instant now) {
        CaseStatus from = status;
        CaseStatus to = Transitions.target(status, action).orElseThrow(() -> new ConflictException(Phrase.of(
                "problem.cases.not-in-status", "工单当前状态为「{0}」，不能{1}",
                Phrase.of("cases.status." + status.name(), status.label()),
                Phrase.of(action.labelKey(), action.label()))));
        if (action == CaseAction.REOPEN && departmentId == null) {
            to = CaseStatus.REGISTERED;
        }
        status = to;
        updatedAt = now;
        if (to == CaseStatus.CLOSED || to == CaseStatus.DECLINED || to == CaseStatus.VOIDED) {
            closedAt = now;
        } else if (from.ended()) {
            closedAt = null;
        }
        return from;
    }

    /** What decides the case's time limits. */
    LimitKey limitKey() {
        return new LimitKey(category, kind, urgency);
    }

    public String number() {
        return number;
    }

    public CaseStatus status() {
        return status;
    }

    public Long departmentId() {
        return departmentId;
    }

    public Long unitId() {
        return unitId;
    }
}
