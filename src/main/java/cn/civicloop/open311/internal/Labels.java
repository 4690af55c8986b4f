package cn.civicloop.open311.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
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

    String action(CaseAction action) {
        return get("cases.action." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
