package cn.civicloop.cases.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.SealedColumns;

/** The columns of the cases module that hold personal data sealed at rest, for the security module's batch. */
@Configuration(proxyBeanMethods = false)
class SealedCaseColumns {

    @Bean
    SealedColumns casesCaseSealed() {
        return new SealedColumns("cases_case", "id", List.of("contact_name", "contact_phone", "address"),
                Map.of("contact_phone", "contact_phone_hash"));
    }

    @Bean
    SealedColumns casesReporterSealed() {
        return new SealedColumns("cases_reporter", "id", List.of("contact_name", "contact_phone"),
                Map.of("contact_phone", "contact_phone_hash"));
    }
}
