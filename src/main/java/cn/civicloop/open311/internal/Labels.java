package cn.civicloop.open311.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.CaseStatus;

/** The words the server sends, from the message bundles in the request's language (Chinese unless asked). */
@Component
class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    String status(CaseStatus status) {
        return get("cases.status." + status.name());
    }

    /**
     * A public step as an outside system reads it: the step's name, then its remark, a step the system composed
     * worded from the bundles ({@link cn.civicloop.cases.StepRemark}) and a person's text as written, each run of digits long enough to
     * be a phone or ID number masked.
     */
    String note(CaseFeed.FeedNote n) {
        String remark;
        if (n.step() != null) {
            String step = messages.getMessage(n.step().label(), LocaleContextHolder.getLocale());
            remark = n.step().text() == null ? step
                    : get("open311.note.remark", step, RequestListing.masked(n.step().text()));
        } else {
            remark = n.remark() == null ? null : RequestListing.masked(n.remark());
        }
        return remark == null ? action(n.action()) : get("open311.note.remark", action(n.action()), remark);
    }

    String action(CaseAction action) {
        return get("cases.action." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
