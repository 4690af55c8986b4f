package cn.civicloop.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Hands the application's bundles to {@link RefusalText}, which pages and filters call without a bean at hand. */
@Component
class RefusalMessages {

    RefusalMessages(MessageSource messages) {
        RefusalText.use(messages);
    }
}
