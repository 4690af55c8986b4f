package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import cn.civicloop.support.Totp;

/**
 * TOTP two-factor login: an administrator gets neither a token nor a page without his code, a wrong or replayed code
 * is refused and counts in the login throttle, any other member of staff may enrol on his account page (and then
 * needs his code too), and the secret is sealed in the database. 127.0.0.1 is a trusted proxy in the tests
 * (application-test.yml), so X-Forwarded-For gives each test its own client address in the throttle.
 */
class TwoFactorTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.civicloop.directory.StaffCredentials credentials;

    private Api.Answer token(String json, String address) {
        return api.postRaw("/api/v1/auth/token", null, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", address));
    }

    private static String credentials(String user, String code) {
        return "{\"username\":\"" + user + "\",\"password\":\"" + Api.PASSWORD + "\""
                + (code == null ? "" : ",\"totp\":\"" + code + "\"") + "}";
    }

    private void forgetStep(String user) {
        jdbc.sql("delete from security_totp_step where staff_id in (select id from directory_staff where username = ?)")
                .param(user).update();
    }

    private String wrongCode(String secret) {
        String right = Totp.code(secret, Totp.now(port()));
        String before = Totp.code(secret, Totp.now(port()).minus(Duration.ofSeconds(30)));
        String after = Totp.code(secret, Totp.now(port()).plus(Duration.ofSeconds(30)));
        for (int i = 0; ; i++) {
            String c = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
            if (!c.equals(before) && !c.equals(after)) {
                return c;
            }
        }
    }

    @Test
    void anAdministratorGetsNoTokenWithoutHisCodeAndWrongCodesLockLikeWrongPasswords() {
        for (String admin : Totp.DEMO_ADMINISTRATORS) {
            Api.Answer a = token(credentials(admin, null), "10.22.0.1");
            assertThat(a.status()).as(admin + " without a code").isEqualTo(401);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).contains("totp");
        }
        String address = "10.22.0.2";
        for (int i = 0; i < 4; i++) {
            assertThat(token(credentials("secadmin", wrongCode(Totp.DEMO_SECRET)), address).status())
                    .as("wrong code " + i).isEqualTo(401);
        }
        assertThat(token(credentials("secadmin", wrongCode(Totp.DEMO_SECRET)), address).status())
                .as("the fifth wrong code locks the pair").isEqualTo(423);
        forgetStep("secadmin");
        assertThat(token(credentials("secadmin", Totp.code(Totp.DEMO_SECRET, Totp.now(port()))), address).status())
                .as("the locked client does not get in, even with the right code").isEqualTo(423);
    }

    @Test
    void aUsedCodeCannotBeReplayed() {
        forgetStep("auditor");
        String code = Totp.code(Totp.DEMO_SECRET, Totp.now(port()));
        assertThat(token(credentials("auditor", code), "10.22.0.3").status()).isEqualTo(200);
        Api.Answer replay = token(credentials("auditor", code), "10.22.0.3");
        assertThat(replay.status()).as("the same code a second time").isEqualTo(401);
        assertThat(replay.contentType()).startsWith("application/problem+json");
    }

    @Test
    void thePageLoginOfAnAdministratorStopsAtTheSecondStepUntilHisCodeIsRight() {
        PageSession s = PageSession.anonymous(port());
        s.get("/login");
        var r = s.post("/login", Map.of("username", "admin", "password", Api.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login/totp");
        var admin = s.get("/admin/departments");
        assertThat(admin.statusCode()).as("no page before the code").isEqualTo(302);
        assertThat(admin.headers().firstValue("Location").orElseThrow()).endsWith("/login/totp");
        assertThat(s.get("/api/v1/admin/departments").statusCode()).as("nor the API by the session").isNotEqualTo(200);

        s.get("/login/totp");
        var wrong = s.post("/login/totp", Map.of("code", wrongCode(Totp.DEMO_SECRET)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("id=\"totp-error\"");
        assertThat(s.get("/admin/departments").headers().firstValue("Location").orElse(""))
                .as("still waiting for the code").endsWith("/login/totp");

        forgetStep("admin");
        String code = Totp.code(Totp.DEMO_SECRET, Totp.now(port()));
        var right = s.post("/login/totp", Map.of("code", code));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        assertThat(s.get("/admin/departments").statusCode()).isEqualTo(200);

        PageSession again = PageSession.anonymous(port());
        again.get("/login");
        again.post("/login", Map.of("username", "admin", "password", Api.PASSWORD));
        again.get("/login/totp");
        assertThat(again.post("/login/totp", Map.of("code", code)).statusCode())
                .as("the code just used, replayed on another session").isEqualTo(401);
    }

    @Test
    void anyStaffMemberMayEnrolAndThenNeedsHisCodeAndTheSecretIsSealed() {
        String user = "leader";
        try {
            PageSession s = PageSession.login(port(), user);
            var page = s.get("/account/totp");
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page.body());
            assertThat(m.find()).as("the secret is shown for the authenticator").isTrue();
            String secret = m.group(1);
            assertThat(page.body()).contains("otpauth://totp/CivicLoop%3A" + user).contains("data:image/png;base64,");

            assertThat(s.post("/account/totp", Map.of("code", wrongCode(secret))).statusCode()).isEqualTo(422);
            var enrolled = s.post("/account/totp", Map.of("code", Totp.code(secret, Totp.now(port()))));
            assertThat(enrolled.statusCode()).isEqualTo(302);
            assertThat(enrolled.headers().firstValue("Location").orElseThrow()).contains("/account/totp?enrolled");

            String stored = jdbc.sql("select totp_secret from directory_staff where username = ?").param(user)
                    .query(String.class).single();
            assertThat(stored).startsWith("sm4:").doesNotContain(secret);
            String demo = jdbc.sql("select totp_secret from directory_staff where username = 'admin'")
                    .query(String.class).single();
            assertThat(demo).as("the seeded demo secret is sealed too").startsWith("sm4:").doesNotContain(Totp.DEMO_SECRET);

            assertThat(token(credentials(user, null), "10.22.0.4").status()).as("token without the code").isEqualTo(401);
            PageSession next = PageSession.anonymous(port());
            next.get("/login");
            assertThat(next.post("/login", Map.of("username", user, "password", Api.PASSWORD)).headers()
                    .firstValue("Location").orElseThrow()).as("the next login asks for the code").endsWith("/login/totp");
            forgetStep(user);
            assertThat(token(credentials(user, Totp.code(secret, Totp.now(port()))), "10.22.0.4").status())
                    .isEqualTo(200);
        } finally {
            jdbc.sql("update directory_staff set totp_secret = null where username = ?").param(user).update();
            forgetStep(user);
        }
    }

    @Test
    void theApiPasswordChangeOfAnAccountWithASecondFactorAsksForItsCode() {
        String user = "totp-pw-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Answer created = api.post("/api/v1/admin/staff", api.login("secadmin"), Map.of("username", user,
                "displayName", "口令测试", "password", "first-pass-1", "roles", java.util.List.of("OPERATOR")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        credentials.setTotpSecret(id, Totp.DEMO_SECRET);
        String address = "10.22.0.7";
        String hash = jdbc.sql("select password_hash from directory_staff where id = ?").param(id).query(String.class)
                .single();

        Api.Answer without = password(user, "first-pass-1", null, "second-pass-2", address);
        assertThat(without.status()).as("the right password alone").isEqualTo(401);
        assertThat(without.contentType()).startsWith("application/problem+json");
        assertThat(without.body()).contains("totp");
        assertThat(password(user, "first-pass-1", wrongCode(Totp.DEMO_SECRET), "second-pass-2", address).status())
                .as("a wrong code").isEqualTo(401);
        assertThat(jdbc.sql("select password_hash from directory_staff where id = ?").param(id).query(String.class)
                .single()).as("the password is unchanged").isEqualTo(hash);

        assertThat(password(user, "first-pass-1", Totp.code(Totp.DEMO_SECRET, Totp.now(port())), "second-pass-2",
                address).status()).as("password and code").isEqualTo(204);
        assertThat(jdbc.sql("select password_hash from directory_staff where id = ?").param(id).query(String.class)
                .single()).isNotEqualTo(hash);
    }

    private Api.Answer password(String user, String password, String code, String newPassword, String address) {
        String json = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"newPassword\":\""
                + newPassword + "\"" + (code == null ? "" : ",\"totp\":\"" + code + "\"") + "}";
        return api.postRaw("/api/v1/auth/password", null, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", address));
    }
}
