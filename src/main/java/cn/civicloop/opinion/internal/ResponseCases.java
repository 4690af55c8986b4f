package cn.civicloop.opinion.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which cases carry a linked response (opened by this module for a topic). */
@Component
class ResponseCases {

    private final JdbcClient jdbc;

    ResponseCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isResponseCase(String number) {
        return jdbc.sql("select count(*) from opinion_response where case_number = ?").param(number)
                .query(Long.class).single() > 0;
    }
}
