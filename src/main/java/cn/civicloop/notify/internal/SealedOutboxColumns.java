package cn.civicloop.notify.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.SealedColumns;

/** The outbox's recipient (a resident's phone) is sealed at rest, its keyed hash beside it. */
@Configuration(proxyBeanMethods = false)
class SealedOutboxColumns {

    @Bean
    SealedColumns notifyOutboxSealed() {
        return new SealedColumns("notify_outbox", "id", List.of("recipient"), Map.of("recipient", "recipient_hash"));
    }
}
