package cn.civicloop.evaluation.internal;

import cn.civicloop.evaluation.SubjectKind;

/**
 * The kinds of rows of the fact table, one per case and evaluated event; each row counts in the period of its
 * {@code day} (district day). What {@code hit} and {@code outcome} mean is per kind (docs/evaluation.md).
 */
enum Fact {
    /** The centre's decision on a registered appeal: hit = answered directly (直接答复), miss = dispatched. */
    INTAKE,
    /** An assignment to a department: hit = kept (not reassigned, not returned); outcome RETURNED or CHANGED. */
    DISPATCH,
    /** A signing deadline: day = the deadline; hit = signed by it. */
    RESPONSE,
    /** A handling deadline (extensions counted): day = the deadline; hit = replied by it; outcome REPLIED once replied. */
    HANDLE,
    /** A reply: day = the reply; hit = sent back for rework (驳回返工 or 回访不满意重办). */
    REPLY,
    /** A follow-up (回访): hit = resolved; outcome = SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
    FOLLOW_UP,
    /** A closure (办结): hit = the same appeal came again within the repeat window (reopened or a duplicate merged). */
    CLOSED,
    /** A supervision (督办), by a person or by the escalation ladder. */
    SUPERVISED,
    /**
     * A road chief's holding round of a road issue (路长制), once settled: day = the round's start; hit = answered
     * within the round's limit. Counts for the road area and the chief.
     */
    ROAD_ANSWER(true),
    /**
     * A department named by a whistle, once it acknowledged or its acknowledgement limit passed: day = the whistle's
     * day; hit = acknowledged within the limit. Counts for the whistle's road area.
     */
    WHISTLE_ACK(true),
    /** The same for reporting on site (报到): hit = on site within the limit. */
    WHISTLE_SITE(true),
    /** The whistle-blower's rating of a named department: outcome RATED_1 … RATED_5. */
    WHISTLE_RATING(true),
    /**
     * An incident the police cleared (110 接处警): day = the district day of the call; priority and the seconds from
     * the call to the first unit on scene; hit = on scene within the priority's target (never, when no unit reported
     * its arrival). Counts for the incident's police block.
     */
    POLICE_RESPONSE(SubjectKind.Side.POLICE);

    private final SubjectKind.Side side;

    Fact() {
        this(SubjectKind.Side.CASES);
    }

    Fact(boolean road) {
        this(SubjectKind.Side.ROADS);
    }

    Fact(SubjectKind.Side side) {
        this.side = side;
    }

    /** A fact of the road system (路长制), scored for road areas and chiefs, not for cases' holders or places. */
    boolean road() {
        return side == SubjectKind.Side.ROADS;
    }

    /** Whose facts these are: the cases', the road system's or the 110 service's. */
    SubjectKind.Side side() {
        return side;
    }
}
