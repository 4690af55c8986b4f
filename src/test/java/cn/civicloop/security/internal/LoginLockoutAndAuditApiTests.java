package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;
import cn.civicloop.support.PageSession;

/**
 * Login lockout on both doors (counted per username in the database) and the hash-chained audit log: what is
 * written, that the chain verifies, that an edit behind the application's back is found, and on PostgreSQL that
 * the database itself refuses UPDATE and DELETE.
 */
class LoginLockoutAndAuditApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    private String newStaff() {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Answer created = api.post("/api/v1/admin/staff", api.login("secadmin"), Map.of("username", username,
                "displayName", "锁定测试", "password", "correct-horse", "roles", List.of("OPERATOR"),
                "departmentId", departmentId("ZX")));
        assertThat(created.status()).as(created.body()).isBetween(200, 201);
        return username;
    }

    private Api.Answer token(String username, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    private List<JsonNode> auditRows() {
        return api.get("/api/v1/admin/audit?limit=500", api.login("auditor")).json().valueStream().toList();
    }

    @Test
    void fiveWrongPasswordsLockTheNameUntilAnAdminUnlocksIt() {
        String user = newStaff();
        for (int i = 0; i < 4; i++) {
            assertThat(token(user, "wrong-" + i).status()).isEqualTo(401);
        }
        Api.Answer fifth = token(user, "wrong-5");
        assertThat(fifth.status()).as(fifth.body()).isEqualTo(423);
        assertThat(fifth.contentType()).startsWith("application/problem+json");
        assertThat(fifth.text("detail")).matches("登录失败次数过多，本机暂时不能用该用户名登录，请 \\d+ 分钟后再试或联系安全管理员解锁")
                .doesNotContainPattern("[A-Za-z]");
        Api.Answer english = api.post("/api/v1/auth/token", null, Map.of("username", user, "password", "wrong-6"),
                Map.of("Accept-Language", "en"));
        assertThat(english.status()).isEqualTo(423);
        assertThat(english.text("detail")).matches("Too many failed logins from this address with this username: it is"
                + " locked for \\d+ more minutes, or until a security administrator unlocks it");
        assertThat(english.body()).doesNotContainPattern("\\p{IsHan}");

        Api.Answer right = token(user, "correct-horse");
        assertThat(right.status()).as("the right password does not open a locked account").isEqualTo(423);

        String admin = api.login("secadmin");
        assertThat(api.get("/api/v1/admin/login-locks", admin).body()).contains(user);
        assertThat(api.post("/api/v1/admin/login-locks/" + user + "/release", admin, Map.of()).status()).isEqualTo(200);
        assertThat(token(user, "correct-horse").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/login-locks/" + user + "/release", admin, Map.of()).status())
                .as("nothing left to unlock").isEqualTo(404);

        List<JsonNode> rows = auditRows();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("action").asString()).isEqualTo("LOGIN_LOCKOUT");
            assertThat(r.get("actor").asString()).isEqualTo(user);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("action").asString()).isEqualTo("LOGIN_UNLOCK");
            assertThat(r.get("actor").asString()).isEqualTo("secadmin");
            assertThat(r.get("target").asString()).isEqualTo(user);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("actor").asString()).isEqualTo(user);
            assertThat(r.get("outcome").asString()).isEqualTo("REFUSED_LOCKED");
        });
    }

    @Test
    void theLoginFormCountsFailuresTooAndShowsTheLock() throws Exception {
        String user = newStaff();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String location = "";
        for (int i = 0; i < 5; i++) {
            location = formLogin(browser, user, "wrong-" + i).headers().firstValue("Location").orElse("");
        }
        assertThat(location).endsWith("/login?locked");
        assertThat(formLogin(browser, user, "correct-horse").headers().firstValue("Location").orElse(""))
                .as("the right password does not open a locked account").endsWith("/login?locked");
        assertThat(get(browser, "/login?locked").body()).contains("登录失败次数过多");
        assertThat(token(user, "correct-horse").status()).as("one lock for both doors").isEqualTo(423);
    }

    @Test
    void staffActionsAreAuditedAndTheChainVerifies() {
        String admin = api.login("admin");
        String code = "AUD-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Answer created = api.post("/api/v1/admin/departments", admin,
                Map.of("code", code, "name", "审计测试科", "kind", "FUNCTIONAL"));
        assertThat(created.status()).as(created.body()).isBetween(200, 201);
        assertThat(token("admin", "no-such-password").status()).isEqualTo(401);

        List<JsonNode> rows = auditRows();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("action").asString()).isEqualTo("ADMIN_CHANGE");
            assertThat(r.get("actor").asString()).isEqualTo("admin");
            assertThat(r.get("target").asString()).isEqualTo("POST /api/v1/admin/departments");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("action").asString()).isEqualTo("LOGIN");
            assertThat(r.get("outcome").asString()).isEqualTo("FAILURE");
        });
        assertThat(api.get("/api/v1/admin/audit/verification", api.login("auditor")).json().get("intact").asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/admin/audit", api.login("operator")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit", admin).status())
                .as("the system administrator does not read the audit (三员分立)").isEqualTo(403);
    }

    @Test
    void appendsFromManyThreadsKeepOneUnbrokenChain() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = IntStream.range(0, 80).mapToObj(i -> pool.submit(() ->
                    audit.record("tester", "TEST", "thread " + i, "OK", null, "127.0.0.1"))).toList();
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aRowChangedOutsideTheApplicationBreaksTheChain() {
        audit.record("tester", "TEST", "tamper target", "OK", "original", "127.0.0.1");
        long seq = jdbc.sql("select max(seq) from security_audit_log").query(Long.class).single();
        assertThat(audit.verify().intact()).isTrue();

        boolean postgres = isPostgres();
        if (postgres) {
            assertThatThrownBy(() -> jdbc.sql("update security_audit_log set detail = 'forged' where seq = ?")
                    .param(seq).update()).as("the database refuses UPDATE").hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from security_audit_log where seq = ?").param(seq).update())
                    .as("the database refuses DELETE").hasMessageContaining("append-only");
            // someone with the table owner's rights switches the guard off: the hash chain still tells
            jdbc.sql("alter table security_audit_log disable trigger security_audit_log_append_only").update();
        }
        try {
            jdbc.sql("update security_audit_log set detail = 'forged' where seq = ?").param(seq).update();
            AuditLog.Verification broken = audit.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenSeq()).isEqualTo(seq);
            assertThat(broken.reason()).contains("changed");
        } finally {
            jdbc.sql("update security_audit_log set detail = 'original' where seq = ?").param(seq).update();
            if (postgres) {
                jdbc.sql("alter table security_audit_log enable trigger security_audit_log_append_only").update();
            }
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    private boolean isPostgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    private HttpResponse<String> formLogin(HttpClient browser, String user, String password) throws Exception {
        String csrf = PageSession.csrfOf(get(browser, "/login").body());
        assertThat(csrf).isNotEmpty();
        String form = "username=" + user + "&password=" + password + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
