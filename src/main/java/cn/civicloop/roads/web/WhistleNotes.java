package cn.civicloop.roads.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.civicloop.roads.internal.whistles.WhistleView;

/**
 * The timer's notes on a whistle worded for the API's reader, as the whistle page words them: the system as the
 * author and the sentence of the limit the department missed, both from the bundles. A person's note is his own
 * words and stays as written.
 */
final class WhistleNotes {

    private WhistleNotes() {
    }

    static WhistleView worded(WhistleView w, MessageSource messages, Locale locale) {
        if (w.notes().stream().allMatch(n -> n.missedLimit() == null)) {
            return w;
        }
        String system = messages.getMessage("role.SYSTEM", null, locale);
        return w.withNotes(w.notes().stream().map(n -> n.missedLimit() == null ? n
                : new WhistleView.Note(n.at(), system, n.departmentName(), messages.getMessage(
                        "roads.whistle.missed." + n.missedLimit(), new Object[] {n.departmentName()}, locale),
                        n.missedLimit())).toList());
    }
}
