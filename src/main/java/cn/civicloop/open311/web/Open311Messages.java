package cn.civicloop.open311.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The server's refusals from the message bundles, in the request's language. */
@Component
class Open311Messages {

    private final MessageSource messages;

    Open311Messages(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
