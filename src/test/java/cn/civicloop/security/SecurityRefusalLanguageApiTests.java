package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Totp;

/**
 * The login's refusals (a wrong password, a wrong or used one-time code, a lock) and the administration's are
 * sentences of the bundles, answered wholly in the request's language. Each test logs in from its own client address
 * (X-Forwarded-For, 127.0.0.1 being a trusted proxy in the tests) so that its failures lock nobody else.
 */
class SecurityRefusalLanguageApiTests extends ApiTest {

    private static final String CJK = "\\p{IsHan}";

    @Autowired
    JdbcClient jdbc;

    private Api.Answer token(String user, String password, String code, String address, String language) {
        String json = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\""
                + (code == null ? "" : ",\"totp\":\"" + code + "\"") + "}";
        return api.postRaw("/api/v1/auth/token", null, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", address, "Accept-Language", language));
    }

    @Test
    void aWrongPasswordIsSaidInTheRequestsLanguage() {
        Api.Answer zh = token("operator", "not-the-password", null, "10.23.0.1", "zh-CN");
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.text("detail")).isEqualTo("用户名或密码错误");
        Api.Answer en = token("operator", "not-the-password", null, "10.23.0.1", "en-US,en;q=0.9");
        assertThat(en.status()).isEqualTo(401);
        assertThat(en.text("detail")).isEqualTo("Wrong username or password");
        assertThat(en.body()).doesNotContainPattern(CJK);
    }

    @Test
    void aWrongOrUsedCodeIsSaidInTheRequestsLanguage() {
        jdbc.sql("delete from security_totp_step where staff_id in (select id from directory_staff where username = ?)")
                .param("auditor").update();
        String code = Totp.code(Totp.DEMO_SECRET, Totp.now(port()));
        assertThat(token("auditor", Api.PASSWORD, code, "10.23.0.2", "en").status()).isEqualTo(200);

        Api.Answer en = token("auditor", Api.PASSWORD, code, "10.23.0.2", "en");
        assertThat(en.status()).as("the same code a second time").isEqualTo(401);
        assertThat(en.text("detail")).isEqualTo("The one-time code is wrong or was used already");
        assertThat(en.body()).doesNotContainPattern(CJK);
        Api.Answer zh = token("auditor", Api.PASSWORD, code, "10.23.0.2", "zh-CN");
        assertThat(zh.text("detail")).isEqualTo("动态口令错误或已使用");

        Api.Answer without = token("auditor", Api.PASSWORD, null, "10.23.0.2", "en");
        assertThat(without.text("detail")).isEqualTo("This account needs its one-time code in the field totp");
    }

    @Test
    void theAdministrationsRefusalsAreInOneLanguage() {
        String admin = api.login("secadmin");
        Api.Answer en = api.post("/api/v1/admin/login-locks/nobody-locked/release", admin, Map.of(),
                Map.of("Accept-Language", "en"));
        assertThat(en.status()).isEqualTo(404);
        assertThat(en.text("detail")).isEqualTo("This username is not locked");
        Api.Answer zh = api.post("/api/v1/admin/login-locks/nobody-locked/release", admin, Map.of());
        assertThat(zh.text("detail")).isEqualTo("该用户名当前未被锁定");
    }
}
