package cn.civicloop.roads.internal.issues;

import static cn.civicloop.roads.internal.issues.IssueAction.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.civicloop.roads.internal.StatusTable;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.Phrase;

/**
 * The issue's state machine as one table: for each status, the steps allowed and the status they lead to. Anything
 * not in the table is refused. Every issue starts {@link #START} with its {@link IssueAction#REPORTED} step; while
 * pending it changes hands (passed up, answered, escalated by hand or by the timer, marked overdue) and ends fixed on
 * the spot, handed to the governance loop or resolved — all three final.
 */
public final class IssueTransitions {

    /** The status of an issue just reported. */
    public static final IssueStatus START = IssueStatus.PENDING;

    private static final StatusTable<IssueStatus, IssueAction> TABLE = new StatusTable<>(IssueStatus.class,
            IssueAction.class);

    static {
        for (IssueAction keepsItPending : List.of(PASSED_UP, ANSWERED, ESCALATED, AUTO_ESCALATED, OVERDUE)) {
            TABLE.allow(IssueStatus.PENDING, keepsItPending, IssueStatus.PENDING);
        }
        TABLE.allow(IssueStatus.PENDING, FIXED, IssueStatus.FIXED)
                .allow(IssueStatus.PENDING, HANDED_OVER, IssueStatus.HANDED_OVER)
                .allow(IssueStatus.PENDING, RESOLVED, IssueStatus.RESOLVED);
    }

    private IssueTransitions() {
    }

    /** The status {@code action} leads to from {@code from}, or empty if it is not allowed there. */
    public static Optional<IssueStatus> target(IssueStatus from, IssueAction action) {
        return TABLE.target(from, action);
    }

    public static Set<IssueAction> allowedIn(IssueStatus status) {
        return TABLE.allowedIn(status);
    }

    /** The status {@code action} leads to, or 409 when the issue is no longer where it could be taken. */
    static IssueStatus require(IssueStatus from, IssueAction action) {
        return target(from, action).orElseThrow(() -> new ConflictException(Phrase.of("problem.roads.issue-not-pending",
                "该问题当前为{0}，已不在待处置状态", Phrase.of("roads.issue.status." + from.name(), from.label()))));
    }
}
