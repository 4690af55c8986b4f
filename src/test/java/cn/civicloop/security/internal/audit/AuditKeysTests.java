package cn.civicloop.security.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The chain's key: never too short, from configuration or a file, rotated by id; and a retention of 180 days or more. */
class AuditKeysTests {

    private static AuditProperties props(String key, String file, boolean generate, Map<String, String> retired) {
        return new AuditProperties(key, file, generate, "k2", retired,
                new AuditProperties.HeadExport("", Duration.ofMinutes(5)),
                new AuditProperties.Retention(180, Duration.ofHours(6), 100));
    }

    @Test
    void aMissingOrShortKeyStopsTheStart() {
        assertThatThrownBy(() -> AuditKeys.from(props("", "", false, Map.of()))).hasMessageContaining("needs a key");
        assertThatThrownBy(() -> AuditKeys.from(props("short-key", "", false, Map.of())))
                .hasMessageContaining("shorter than 32");
        assertThatThrownBy(() -> AuditKeys.from(props("k".repeat(32), "", false, Map.of("k1", "old"))))
                .hasMessageContaining("retired-keys.k1");
    }

    @Test
    void aKeyFileIsReadOrCreatedReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/audit.key");
        AuditKeys created = AuditKeys.from(props("", file.toString(), true, Map.of()));
        assertThat(Files.readString(file).strip()).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AuditKeys.from(props("", file.toString(), false, Map.of())).current())
                .as("the same key on the next start").isEqualTo(created.current());
        assertThatThrownBy(() -> AuditKeys.from(props("", dir.resolve("none.key").toString(), false, Map.of())))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void rowsSignedByARetiredKeyStillVerifyWhileNewRowsUseTheCurrentOne() {
        AuditKeys keys = AuditKeys.from(props("n".repeat(40), "", false, Map.of("k1", "o".repeat(40))));
        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.byId("k1")).isEqualTo("o".repeat(40).getBytes());
        assertThat(keys.byId("k3")).isNull();
    }

    @EnableConfigurationProperties(AuditProperties.class)
    static class Bound {
    }

    @Test
    void aRetentionShorterThan180DaysIsRefused() {
        var runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);
        runner.withPropertyValues("civicloop.security.audit.retention.days=179")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("civicloop.security.audit.retention.days=180")
                .run(context -> assertThat(context.getBean(AuditProperties.class).retention().days()).isEqualTo(180));
    }
}
