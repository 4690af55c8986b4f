package cn.civicloop.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API's description in the OpenAPI document served at /v3/api-docs and shown at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI civicLoopApi() {
        return new OpenAPI()
                .info(new Info().title("CivicLoop 民意闭环 API").version("v1")
                        .description("Appeals from every channel, the case loop, the directory. Staff: get a bearer "
                                + "token from POST /api/v1/auth/token. Residents: case number + X-Tracking-Token. "
                                + "Errors are RFC 9457 problem documents."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
