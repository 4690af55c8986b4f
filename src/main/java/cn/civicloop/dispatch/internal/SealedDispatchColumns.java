package cn.civicloop.dispatch.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.SealedColumns;

/** The columns of the 110 desk that hold personal data sealed at rest (callers, addresses). */
@Configuration(proxyBeanMethods = false)
class SealedDispatchColumns {

    @Bean
    SealedColumns dispatchIncidentSealed() {
        return new SealedColumns("dispatch_incident", "id", List.of("caller_name", "caller_phone", "address"),
                Map.of("caller_phone", "caller_phone_hash"));
    }

    @Bean
    SealedColumns dispatchCallSealed() {
        return new SealedColumns("dispatch_call", "id", List.of("caller_name", "caller_phone"),
                Map.of("caller_phone", "caller_phone_hash"));
    }
}
