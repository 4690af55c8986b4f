package cn.civicloop.board.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import cn.civicloop.shared.web.EndpointOwners;

/** The public board is public (ADR 0012): no login, nothing personal on it (ADR 0038). */
@Configuration(proxyBeanMethods = false)
class BoardEndpoints {

    @Bean
    EndpointOwners boardEndpointOwners() {
        return EndpointOwners.of("board")
                .paths(HttpMethod.GET, "/board", "/api/v1/public/board", "/api/v1/public/board/cases").open()
                .build();
    }
}
