package cn.civicloop.intake.web;

import cn.civicloop.cases.OpenedCase;
import jakarta.servlet.http.HttpSession;

/**
 * Only the first answer to a submission carries its tracking code (a replay gets number and status). A double
 * click on a page shows the browser the second answer, so the first one is kept in that browser's session, by the
 * form's one-time submission reference, and shown again to the same browser only.
 */
final class FirstAnswers {

    private FirstAnswers() {
    }

    static OpenedCase sameBrowser(HttpSession session, String externalRef, OpenedCase opened) {
        if (externalRef == null) {
            return opened;
        }
        String key = "intake.first-answer." + externalRef;
        if (opened.trackingToken() != null) {
            session.setAttribute(key, opened.number() + " " + opened.trackingToken());
            return opened;
        }
        if (session.getAttribute(key) instanceof String first && first.startsWith(opened.number() + " ")) {
            return new OpenedCase(opened.number(), first.substring(opened.number().length() + 1), opened.status(),
                    opened.statusLabel(), opened.expectedCompletion(), false);
        }
        return opened;
    }
}
