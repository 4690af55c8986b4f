package cn.civicloop.roads.internal.issues;

/** The steps on an issue's record (stored by name in {@code roads_issue_step.action}). */
public enum IssueAction {
    /** Found on the road and reported by a chief: the first step of every issue. */
    REPORTED,
    /** 即知即改: fixed on the spot by the chief who found it; a closed case records it in the loop. */
    FIXED,
    /** The reporter could not fix it on the spot: passed to the next-level chief at once. */
    PASSED_UP,
    /** 签收: the holder answered; the answer timer of the round then does nothing. */
    ANSWERED,
    /** The holder passed it to the next-level chief. */
    ESCALATED,
    /** Unanswered within the limit: the timer passed it one level up. */
    AUTO_ESCALATED,
    /** Unanswered within the limit at the first level: marked overdue. */
    OVERDUE,
    /** Handed to the governance loop as a case that triage routes. */
    HANDED_OVER,
    /** Settled by the chief holding it. */
    RESOLVED
}
