package cn.civicloop.knowledge.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the knowledge base (ADR 0012): any member of staff searches and reads; editors write (their own
 * department's, checked by the module) and the centre's editors approve; operators answer from an article; the reply
 * review is read by whoever may see the case (checked by the cases module).
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeEndpoints {

    @Bean
    EndpointOwners knowledgeEndpointOwners() {
        return EndpointOwners.of("knowledge")
                .paths(HttpMethod.POST, "/api/v1/knowledge/articles", "/api/v1/knowledge/articles/**")
                .roles(Role.KNOWLEDGE_EDITOR)
                .paths(HttpMethod.PUT, "/api/v1/knowledge/articles/**").roles(Role.KNOWLEDGE_EDITOR)
                .paths(HttpMethod.POST, "/api/v1/knowledge/cases/*/answer").roles(Role.OPERATOR)
                .paths("/api/v1/knowledge/**").staff()
                .paths(HttpMethod.POST, "/knowledge", "/knowledge/**").roles(Role.KNOWLEDGE_EDITOR)
                .paths("/knowledge/new", "/knowledge/*/edit").roles(Role.KNOWLEDGE_EDITOR)
                .paths("/knowledge", "/knowledge/**").staff()
                .paths("/workbench/knowledge/answer-call", "/workbench/knowledge/cases/*/answer").roles(Role.OPERATOR)
                .paths("/workbench/knowledge/**").staff()
                .build();
    }
}
