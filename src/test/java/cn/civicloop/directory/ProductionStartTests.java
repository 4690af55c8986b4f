package cn.civicloop.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * A start without the demo profile (production): an empty database gets one security administrator with the
 * configured initial password, which must be changed first; no demo account; and the start is refused while any
 * account holds the published demo password. Each start on a database of its own (H2 in PostgreSQL mode).
 */
class ProductionStartTests {

    private static final String INITIAL = "install-time-Secret-42";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));

    private static String[] production(String db, String... more) {
        return start(false, db, more);
    }

    private static String[] start(boolean demo, String db, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("--civicloop.directory.demo-accounts=" + demo,
                "--spring.datasource.url=jdbc:h2:mem:" + db
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void anEmptyProductionDatabaseGetsOneAdministratorWhoMustChangeHisInitialPassword() {
        try (Node node = Node.start("prod-empty", clock, production("prod-empty",
                "--civicloop.directory.initial-admin.password=" + INITIAL))) {
            Api api = new Api(node.port());
            // no demo account exists, not even with the published password
            assertThat(api.post("/api/v1/auth/token", null, Map.of("username", "admin", "password", Api.PASSWORD))
                    .status()).isEqualTo(401);
            assertThat(api.post("/api/v1/auth/token", null, Map.of("username", "operator", "password", Api.PASSWORD))
                    .status()).isEqualTo(401);
            assertThat(node.bean(DirectoryAdministration.class).staff()).singleElement()
                    .satisfies(s -> assertThat(s.roles()).containsExactly(Role.SECURITY_ADMIN));

            // the initial password opens no door until it is changed
            Api.Answer first = api.post("/api/v1/auth/token", null, Map.of("username", "secadmin", "password", INITIAL));
            assertThat(first.status()).isEqualTo(403);
            assertThat(first.body()).contains("/api/v1/auth/password");
            assertThat(api.post("/api/v1/auth/password", null, Map.of("username", "secadmin", "password", INITIAL,
                    "newPassword", Api.PASSWORD)).status()).as("the demo password is no new password").isEqualTo(422);
            assertThat(api.post("/api/v1/auth/password", null, Map.of("username", "secadmin", "password", INITIAL,
                    "newPassword", "chosen-by-him-2026")).status()).isEqualTo(204);

            assertThat(api.post("/api/v1/auth/token", null, Map.of("username", "secadmin", "password", INITIAL))
                    .status()).isEqualTo(401);
            // then the second factor: an administrator enrols on the login page before the API gives him a token
            Api.Answer next = api.post("/api/v1/auth/token", null,
                    Map.of("username", "secadmin", "password", "chosen-by-him-2026"));
            assertThat(next.status()).isEqualTo(401);
            assertThat(next.body()).contains("启用双因素认证").doesNotContain("enrol");
        }
    }

    @Test
    void anEmptyProductionDatabaseWithoutAnInitialPasswordDoesNotStart() {
        assertThatThrownBy(() -> Node.start("prod-nopass", clock, production("prod-nopass")).close())
                .hasStackTraceContaining("civicloop.directory.initial-admin.password");
    }

    @Test
    void productionRefusesToStartWhileAnAccountHoldsTheDemoPassword() {
        // a database once started with the demo profile, then started for production
        try (Node demo = Node.start("prod-wasdemo", clock, start(true, "prod-wasdemo"))) {
            assertThat(new Api(demo.port()).post("/api/v1/auth/token", null,
                    Map.of("username", "operator", "password", Api.PASSWORD)).status()).isEqualTo(200);
            assertThatThrownBy(() -> Node.start("prod-wasdemo-2", clock, production("prod-wasdemo",
                    "--civicloop.directory.initial-admin.password=" + INITIAL)).close())
                    .hasStackTraceContaining("published demo password");
        }
    }
}
