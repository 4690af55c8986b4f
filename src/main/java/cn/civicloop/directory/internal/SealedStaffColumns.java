package cn.civicloop.directory.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.shared.SealedColumns;

/** Staff phones (personal data) and TOTP secrets are sealed at rest (department phones are office lines, published, not sealed). */
@Configuration(proxyBeanMethods = false)
class SealedStaffColumns {

    @Bean
    SealedColumns directoryStaffSealed() {
        return new SealedColumns("directory_staff", "id", List.of("phone", "totp_secret"), Map.of());
    }
}
