package cn.civicloop.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are hashed at the directory's bcrypt cost, 10 unless set otherwise; a stored hash keeps its own. */
class PasswordHashingTests {

    private static final String DEMO_HASH = "{bcrypt}$2a$10$liITskg9mIsAF43qBZaEeevHfNMLFYx3uIE3A4QC37b1vLEcQaHv6";

    @Test
    void newHashesHaveTheProductionCostUnlessTheDirectorySaysOtherwise() {
        PasswordEncoder production = encoder(10);
        String hash = production.encode("a-password-of-some-length");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(PasswordHashing.cost(hash)).isEqualTo(10);
        assertThat(production.matches("a-password-of-some-length", hash)).isTrue();

        String cheap = encoder(4).encode("a-password-of-some-length");
        assertThat(PasswordHashing.cost(cheap)).isEqualTo(4);
        assertThat(production.matches("a-password-of-some-length", cheap)).isTrue();
    }

    @Test
    void aStoredHashIsCheckedAtItsOwnCost() {
        assertThat(PasswordHashing.cost(DEMO_HASH)).isEqualTo(10);
        assertThat(encoder(4).matches("civic-demo", DEMO_HASH)).isTrue();
        assertThat(encoder(4).matches("civic-demo!", DEMO_HASH)).isFalse();
        assertThat(PasswordHashing.cost("$2a$10$without-the-id")).isEqualTo(-1);
    }

    @Test
    void theDefaultCostIsTen() {
        assertThat(properties(null).passwordCost()).isEqualTo(10);
    }

    private static PasswordEncoder encoder(int cost) {
        return new PasswordHashing().passwordEncoder(properties(cost));
    }

    private static DirectoryProperties properties(Integer cost) {
        var seed = new ByteArrayResource("departments: []".getBytes(StandardCharsets.UTF_8));
        var admin = new DirectoryProperties.InitialAdmin("secadmin", "安全管理员", "");
        if (cost == null) {
            // what binding gives when the setting is absent
            return new org.springframework.boot.context.properties.bind.Binder(
                    new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                            java.util.Map.of("civicloop.directory.demo-accounts", "false")))
                    .bindOrCreate("civicloop.directory", DirectoryProperties.class);
        }
        return new DirectoryProperties(seed, seed, false, admin, cost);
    }
}
