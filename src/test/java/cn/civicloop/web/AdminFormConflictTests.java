package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * An admin form that loses a race at the database (another admin's department code or username, committed between
 * the form's check and its insert) answers with the form and a readable message, not the API's problem document,
 * and nothing of the refused form is stored.
 */
class AdminFormConflictTests extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDepartmentCodeTakenMeanwhileIsAReadableConflictOnTheForm() throws Exception {
        AdminSession admin = new AdminSession("admin", "/admin/departments");
        String code = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> r = whileAnotherAdminHolds(
                "insert into directory_department (code, name, kind) values (?, '先来的部门', 'FUNCTIONAL')", code,
                () -> admin.post("/admin/departments",
                        Map.of("code", code, "name", "后到的部门", "kind", "FUNCTIONAL")));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("id=\"form-error\"", "未保存：与已有数据冲突").contains("后到的部门")
                .doesNotContain("\"status\":409");
        // the other admin's department stands, the refused one left nothing behind
        assertThat(jdbc.sql("select name from directory_department where code = ?").param(code).query(String.class).list())
                .containsExactly("先来的部门");
        assertThat(jdbc.sql("select count(*) from directory_department where name = '后到的部门'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aUsernameTakenMeanwhileIsAReadableConflictOnTheStaffForm() throws Exception {
        AdminSession admin = new AdminSession("secadmin", "/admin/staff");
        String username = "race" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = whileAnotherAdminHolds("""
                insert into directory_staff (username, display_name, password_hash, created_at)
                values (?, '先来的人', 'x', current_timestamp)""", username,
                () -> admin.post("/admin/staff", Map.of("username", username, "displayName", "后到的人",
                        "password", "long-enough-1", "roles", "LEADER")));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.body()).contains("未保存：与已有数据冲突").doesNotContain("long-enough-1");
        assertThat(jdbc.sql("select display_name from directory_staff where username = ?").param(username)
                .query(String.class).list()).containsExactly("先来的人");
        assertThat(jdbc.sql("select count(*) from directory_staff_role r join directory_staff s on s.id = r.staff_id "
                + "where s.username = ?").param(username).query(Long.class).single()).isZero();
    }

    /**
     * Runs the form while another connection has inserted the conflicting row without committing it: the form's
     * check does not see it, its insert waits for that row's lock, and the other admin commits 1.5 s later, so the
     * insert hits the unique key.
     */
    private HttpResponse<String> whileAnotherAdminHolds(String insert, String key, java.util.concurrent.Callable<HttpResponse<String>> form)
            throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(insert)) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return form.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1500);
            other.commit();
            return answer.get();
        }
    }

    /** A logged-in admin's browser without a browser: cookies, the CSRF token of the pages, form posts. */
    private final class AdminSession {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        AdminSession(String username, String page) {
            csrf = csrfOf(get("/login").body());
            HttpResponse<String> login = post("/login", Map.of("username", username, "password", Api.PASSWORD));
            assertThat(login.statusCode()).isEqualTo(302);
            csrf = csrfOf(get(page).body());
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            String body = "_csrf=" + enc(csrf) + "&" + fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }
}
