package cn.civicloop.security.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * PostgreSQL only (mvn -Dtest.db=postgres): the whole application runs as a least-privilege runtime role while Flyway
 * migrates as the owner (docs/postgresql.md). The application works (logins, admin writes, audit rows, verification),
 * and that role can neither UPDATE, DELETE nor TRUNCATE audit rows, nor drop or disable the append-only trigger, nor
 * archive rows younger than 180 days. It may add the partitions of the cases' timeline through their function, but
 * not drop one.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "database roles exist on PostgreSQL only; run with -Dtest.db=postgres")
class AuditRuntimeRoleTests extends ApiTest {

    static final String URL = System.getenv().getOrDefault("CIVICLOOP_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/civicloop");
    static final String OWNER = System.getenv().getOrDefault("CIVICLOOP_DB_USER", "postgres");
    static final String OWNER_PASSWORD = System.getenv().getOrDefault("CIVICLOOP_DB_PASSWORD", "");
    static final String ROLE_PASSWORD = "runtime-role-test-password";
    /** Roles belong to the server, not the database: one per test database. */
    static final String ROLE = "civicloop_rt_" + URL.replaceAll(".*/", "").replaceAll("\\W", "_");

    @DynamicPropertySource
    static void asTheRuntimeRole(DynamicPropertyRegistry registry) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, OWNER, OWNER_PASSWORD); Statement st = c.createStatement()) {
            st.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + ROLE + "') then "
                    + "create role " + ROLE + " login password '" + ROLE_PASSWORD + "'; end if; end $$");
        }
        registry.add("spring.datasource.username", () -> ROLE);
        registry.add("spring.datasource.password", () -> ROLE_PASSWORD);
        registry.add("spring.flyway.user", () -> OWNER);
        registry.add("spring.flyway.password", () -> OWNER_PASSWORD);
        registry.add("spring.flyway.placeholders.[runtime_role]", () -> ROLE);
    }

    @Autowired
    AuditLog audit;

    @Test
    void theApplicationRunsAsTheRuntimeRoleAndItsAuditVerifies() {
        String admin = api.login("admin");
        Api.Answer created = api.post("/api/v1/admin/departments", admin,
                Map.of("code", "RT-" + System.nanoTime() % 100000, "name", "最小权限测试科", "kind", "FUNCTIONAL"));
        assertThat(created.status()).as(created.body()).isBetween(200, 201);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theRuntimeRoleCannotRewriteTheAuditOrSwitchItsGuardOff() throws Exception {
        audit.record("tester", "TEST", "runtime role", "OK", null, null);
        try (Connection c = DriverManager.getConnection(URL, ROLE, ROLE_PASSWORD)) {
            c.setAutoCommit(true);
            assertThat(count(c, "select count(*) from security_audit_log")).isPositive();
            for (String sql : List.of("update security_audit_log set detail = 'forged'",
                    "delete from security_audit_log", "truncate security_audit_log",
                    "update security_audit_archive set detail = 'forged'", "delete from security_audit_archive")) {
                assertThatThrownBy(() -> exec(c, sql)).as(sql).hasMessageContaining("permission denied");
            }
            for (String sql : List.of("drop trigger security_audit_log_append_only on security_audit_log",
                    "alter table security_audit_log disable trigger security_audit_log_append_only",
                    "drop table security_audit_log")) {
                assertThatThrownBy(() -> exec(c, sql)).as(sql).hasMessageContaining("must be owner");
            }
            assertThatThrownBy(() -> exec(c, "select security_audit_archive_before(now() - interval '1 day', 10)"))
                    .hasMessageContaining("younger than 180 days");
            assertThat(count(c, "select security_audit_archive_before(now() - interval '181 days', 10)"))
                    .as("nothing is that old here, but the role may call the archive").isZero();
            assertThat(count(c, "select cases_partitions_ahead(1000000, 2)"))
                    .as("the role may add the cases' partitions (the task case-partitions)").isNotNegative();
            assertThatThrownBy(() -> exec(c, "drop table cases_timeline_p0")).hasMessageContaining("must be owner");
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
