package cn.civicloop.cases.internal;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.internal.ActionEntry.Shown;

/**
 * What the resident may see of the timeline, as the {@link ActionCatalogue} says per action. Internal steps
 * (returns, rejected replies, denied extensions) stay inside; the resident sees that his case moves and, where it
 * concerns him, why.
 */
final class Visibility {

    private Visibility() {
    }

    static boolean isPublic(CaseCommand command) {
        Shown shown = ActionCatalogue.entry(command.action()).shown();
        if (shown == Shown.CHOSEN_PER_ENTRY) {
            return command instanceof CaseCommand.Note note && note.publicNote();
        }
        return shown != Shown.HIDDEN;
    }

    /** For steps the system records without a command (a chosen visibility is not chosen: internal). */
    static boolean isPublic(CaseAction action) {
        Shown shown = ActionCatalogue.entry(action).shown();
        return shown == Shown.STEP || shown == Shown.STEP_AND_REMARK;
    }

    /** Whether the remark of a public entry of {@code action} is shown to the resident too. */
    static boolean remarkIsPublic(CaseAction action) {
        Shown shown = ActionCatalogue.entry(action).shown();
        return shown == Shown.STEP_AND_REMARK || shown == Shown.CHOSEN_PER_ENTRY;
    }
}
