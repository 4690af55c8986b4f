package cn.civicloop.cases;

import cn.civicloop.directory.Actor;

/** Commands on cases: one transaction each, all or nothing, recorded on the timeline. */
public interface CaseManagement {

    /**
     * Opens a case for an appeal, or returns the case that the same channel + external reference already opened.
     * A submission by an operator (hotline desk) is registered at once.
     */
    OpenedCase open(NewAppeal appeal, Actor submitter);

    /** Performs {@code command} on case {@code number} as {@code actor}, or refuses with a readable reason. */
    CaseView perform(String number, CaseCommand command, Actor actor);

    /**
     * Performs {@code commands} in order on case {@code number} as {@code actor}, in one transaction (all or
     * none), without building a view of the result: for other modules' automatic steps (triage registers and
     * assigns), where the view was wasted work on the hot path (issue #8).
     */
    void act(String number, Actor actor, CaseCommand... commands);

    /** The resident's follow-up answer, proven by the tracking token. A satisfied answer closes the case. */
    PublicCaseView answerFollowUp(String number, String token, boolean resolved, Satisfaction satisfaction, String comment);

    /** The resident's one reopening of a closed case he is not satisfied with, proven by the tracking token. */
    PublicCaseView reopen(String number, String token, String reason);
}
