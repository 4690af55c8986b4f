package cn.civicloop.evaluation.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the evaluation module (ADR 0012): any member of staff reaches its pages and API; the module itself
 * lets the evaluation office change and publish, leaders and the office read everything, and department staff read
 * the published rankings, their own figures and cases, and file objections ({@link EvaluationAccess}).
 */
@Configuration(proxyBeanMethods = false)
class EvaluationEndpoints {

    @Bean
    EndpointOwners evaluationEndpointOwners() {
        return EndpointOwners.of("evaluation")
                .paths("/api/v1/evaluation/**").staff()
                .paths("/evaluation", "/evaluation/**").staff()
                .build();
    }
}
