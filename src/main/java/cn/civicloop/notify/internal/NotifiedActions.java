package cn.civicloop.notify.internal;

import cn.civicloop.cases.CaseTransitioned;

/**
 * Whether a case transition is anybody's news: a letter to staff or a text to the resident. Used as the listener's
 * condition, so that the event publication registry stores no publication for the many steps nobody is told of
 * (intake, signing, internal reviews): each stored publication costs an insert and two updates (issue #8).
 * Public only because the condition's expression calls it.
 */
public final class NotifiedActions {

    private NotifiedActions() {
    }

    public static boolean concerns(CaseTransitioned event) {
        String action = event.action().name();
        return InboxRules.forAction(action).isPresent() || ResidentTexts.hasText(action);
    }
}
