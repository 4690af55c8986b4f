package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;

import java.util.EnumSet;
import java.util.Set;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;

/**
 * What the resident may see of the timeline. Internal steps (returns, rejected replies, denied extensions)
 * stay inside; the resident sees that his case moves and, where it concerns him, why.
 */
final class Visibility {

    private static final Set<CaseAction> PUBLIC_STEPS = EnumSet.of(SUBMIT, REGISTER, DECLINE, ANSWER, ASSIGN,
            REASSIGN, SIGN, APPROVE_EXTENSION, APPROVE, FOLLOW_UP, CLOSE, REWORK, REOPEN, VOID, MERGE);

    /** Steps whose remark is written for the resident (the reason he is told, the published reply). */
    private static final Set<CaseAction> PUBLIC_REMARKS = EnumSet.of(DECLINE, ANSWER, APPROVE_EXTENSION, APPROVE,
            REOPEN, VOID, CLOSE);

    private Visibility() {
    }

    static boolean isPublic(CaseCommand command) {
        if (command instanceof CaseCommand.Note note) {
            return note.publicNote();
        }
        return PUBLIC_STEPS.contains(command.action());
    }

    static boolean isPublic(CaseAction action) {
        return PUBLIC_STEPS.contains(action);
    }

    static boolean remarkIsPublic(CaseAction action) {
        return PUBLIC_REMARKS.contains(action) || action == NOTE;
    }
}
