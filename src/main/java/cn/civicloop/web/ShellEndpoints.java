package cn.civicloop.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/** Who may open the shell's pages (ADR 0012): the home page anyone, the workbench any staff, the admin landing admins. */
@Configuration(proxyBeanMethods = false)
class ShellEndpoints {

    @Bean
    EndpointOwners shellEndpointOwners() {
        return EndpointOwners.of("web")
                .paths("/").open()
                .paths("/workbench").staff()
                .paths("/admin").roles(Role.ADMIN)
                .build();
    }
}
