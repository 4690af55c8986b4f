package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.Node;
import cn.civicloop.support.PageSession;

/**
 * The password policy of {@code civicloop.security.password.*} with its production values, given on the command line
 * of a node of its own (the test profile relaxes the policy for the other tests): length and kinds of character, no
 * reuse of the last five, expiry after 90 days, and a password set by the security administrator (new account or
 * reset) changed by its holder before anything else — on the API and on the pages.
 */
class PasswordPolicyApiTests {

    private static final String GRANTED = "Granted-by-secadmin-7";

    private static Node node;
    private static JdbcClient jdbc;
    private Api api;

    @BeforeAll
    static void start() {
        node = Node.start("password-policy", Clock.systemUTC(), "--civicloop.security.password.min-length=10",
                "--civicloop.security.password.min-classes=3", "--civicloop.security.password.history=5",
                "--civicloop.security.password.expiry-days=90",
                "--civicloop.security.password.first-login-change=true");
        jdbc = node.bean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void connect() {
        api = new Api(node.port());
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private Api.Answer create(String username, String password) {
        return api.post("/api/v1/admin/staff", api.login("secadmin"), Map.of("username", username,
                "displayName", "密码策略", "password", password, "roles", List.of("OPERATOR")));
    }

    private Api.Answer token(String username, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    private Api.Answer change(String username, String password, String newPassword) {
        return api.post("/api/v1/auth/password", null,
                Map.of("username", username, "password", password, "newPassword", newPassword));
    }

    private static void assertProblem(Api.Answer answer, int status, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains(reason);
    }

    @Test
    void aPasswordNeedsTheLengthAndKindsOfCharacterOfThePolicyWithReadableReasons() {
        String name = unique("policy-");
        assertProblem(create(name, "Short-12a"), 422, "10–200 个字符");
        assertProblem(create(name, "onlylowercaseletters"), 422, "小写字母、大写字母、数字、符号中至少 3 类");
        assertProblem(create(name, "lowercase-and-symbols"), 422, "至少 3 类");
        assertProblem(create(name, "civic-demo"), 422, "不能使用公开的演示密码");
        assertThat(create(name, GRANTED).status()).isEqualTo(201);

        assertProblem(change(name, GRANTED, "no-upper-case-or-digit"), 422, "至少 3 类");
        assertThat(token(name, GRANTED).status()).as("nothing changed").isEqualTo(403);
    }

    @Test
    void aNewAccountsPasswordMustBeChangedFirstAndNoneOfTheLastFiveComesBack() {
        String name = unique("first-");
        assertThat(create(name, GRANTED).status()).isEqualTo(201);
        Api.Answer first = token(name, GRANTED);
        assertThat(first.status()).as(first.body()).isEqualTo(403);
        assertThat(first.body()).contains("/api/v1/auth/password");

        assertProblem(change(name, GRANTED, GRANTED), 422, "不能与最近 5 次使用过的密码相同");
        String previous = GRANTED;
        for (int i = 1; i <= 5; i++) {
            String next = "My-own-password-" + i;
            assertThat(change(name, previous, next).status()).as("change " + i).isEqualTo(204);
            previous = next;
        }
        assertProblem(change(name, previous, "My-own-password-1"), 422, "不能与最近 5 次使用过的密码相同");
        assertProblem(change(name, previous, "My-own-password-3"), 422, "不能与最近 5 次使用过的密码相同");
        assertThat(change(name, previous, GRANTED).status()).as("the sixth-last password: allowed again")
                .isEqualTo(204);
        assertThat(token(name, GRANTED).status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetByTheSecurityAdministratorMustBeChangedAtTheNextLogin() {
        String name = unique("reset-");
        Api.Answer created = create(name, GRANTED);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(change(name, GRANTED, "Chosen-by-himself-8").status()).isEqualTo(204);
        assertThat(token(name, "Chosen-by-himself-8").status()).isEqualTo(200);

        assertProblem(api.put("/api/v1/admin/staff/" + id + "/password", api.login("secadmin"),
                Map.of("password", "weakweakweak")), 422, "至少 3 类");
        assertThat(api.put("/api/v1/admin/staff/" + id + "/password", api.login("secadmin"),
                Map.of("password", "Reset-by-secadmin-9")).status()).isEqualTo(204);
        assertThat(token(name, "Reset-by-secadmin-9").status()).as("a reset password gives no token").isEqualTo(403);

        PageSession page = PageSession.anonymous(node.port());
        page.get("/login");
        HttpResponse<String> login = page.post("/login", Map.of("username", name, "password", "Reset-by-secadmin-9"));
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/account/password");

        assertThat(change(name, "Reset-by-secadmin-9", "Chosen-again-10").status()).isEqualTo(204);
        assertThat(token(name, "Chosen-again-10").status()).isEqualTo(200);
    }

    @Test
    void aPasswordOlderThanTheExpiryMustBeChangedAtTheNextLogin() {
        String name = unique("old-");
        assertThat(create(name, GRANTED).status()).isEqualTo(201);
        assertThat(change(name, GRANTED, "Chosen-by-himself-8").status()).isEqualTo(204);
        assertThat(token(name, "Chosen-by-himself-8").status()).isEqualTo(200);

        age(name, 89);
        assertThat(token(name, "Chosen-by-himself-8").status()).as("89 days: still valid").isEqualTo(200);
        age(name, 91);
        Api.Answer expired = token(name, "Chosen-by-himself-8");
        assertThat(expired.status()).as("expired after 90 days").isEqualTo(403);
        assertThat(expired.body()).contains("已过期").contains("/api/v1/auth/password");

        PageSession page = PageSession.anonymous(node.port());
        page.get("/login");
        HttpResponse<String> login = page.post("/login", Map.of("username", name, "password", "Chosen-by-himself-8"));
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/account/password");
        HttpResponse<String> elsewhere = page.get("/workbench");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("/account/password");

        assertThat(change(name, "Chosen-by-himself-8", "Renewed-password-9").status()).isEqualTo(204);
        assertThat(token(name, "Renewed-password-9").status()).isEqualTo(200);
    }

    @Test
    void onThePagesANewAccountReachesNothingButThePasswordPageWhichGivesThePolicysReasons() {
        String name = unique("page-");
        assertThat(create(name, GRANTED).status()).isEqualTo(201);
        PageSession page = PageSession.anonymous(node.port());
        page.get("/login");
        HttpResponse<String> login = page.post("/login", Map.of("username", name, "password", GRANTED));
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/account/password");
        HttpResponse<String> elsewhere = page.get("/workbench");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("/account/password");

        page.get("/account/password");
        HttpResponse<String> weak = page.post("/account/password",
                Map.of("password", GRANTED, "newPassword", "weakweakweak", "confirm", "weakweakweak"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("id=\"password-reason\"").contains("至少 3 类");
        HttpResponse<String> reused = page.post("/account/password",
                Map.of("password", GRANTED, "newPassword", GRANTED, "confirm", GRANTED));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("最近 5 次");

        HttpResponse<String> changed = page.post("/account/password",
                Map.of("password", GRANTED, "newPassword", "Chosen-on-the-page-1", "confirm", "Chosen-on-the-page-1"));
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/login?changed");

        PageSession again = PageSession.anonymous(node.port());
        again.get("/login");
        HttpResponse<String> relogin = again.post("/login",
                Map.of("username", name, "password", "Chosen-on-the-page-1"));
        String landing = relogin.headers().firstValue("Location").orElse("");
        assertThat(landing).doesNotContain("/account/password").doesNotContain("error");
        assertThat(again.get("/workbench").headers().firstValue("Location").orElse(""))
                .doesNotEndWith("/account/password");
    }

    private static void age(String username, int days) {
        jdbc.sql("update directory_staff set password_changed_at = ? where username = ?")
                .params(Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)), username).update();
    }
}
