package cn.civicloop.cases.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands Flyway the Java migrations V93.1, V171, V550 and V560 (Spring Boot passes JavaMigration beans to Flyway). */
@Configuration(proxyBeanMethods = false)
class SearchTermsMigration {

    @Bean
    static CaseSearchTermsBackfill caseSearchTermsBackfill() {
        return new CaseSearchTermsBackfill();
    }

    @Bean
    static DayFiguresBackfill dayFiguresBackfill() {
        return new DayFiguresBackfill();
    }

    @Bean
    static PackedClocksBackfill packedClocksBackfill() {
        return new PackedClocksBackfill();
    }

    @Bean
    static PackedSharesDropped packedSharesDropped() {
        return new PackedSharesDropped();
    }
}
