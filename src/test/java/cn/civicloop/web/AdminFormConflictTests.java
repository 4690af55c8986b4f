package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.LockWaits;
import cn.civicloop.support.Node;
import cn.civicloop.support.PageSession;

/**
 * An admin form that loses a race at the database (another admin's department code or username, committed between
 * the form's check and its insert) answers with the form and a readable message, not the API's problem document,
 * and nothing of the refused form is stored.
 */
class AdminFormConflictTests extends ApiTest {

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
     * check does not see it and its insert waits for that row's lock. Once the database shows the form's insert
     * waiting (the signal that stages the race, instead of a pause), the other admin commits, so the insert hits the
     * unique key, within the lock timeout.
     */
    private HttpResponse<String> whileAnotherAdminHolds(String insert, String key, java.util.concurrent.Callable<HttpResponse<String>> form)
            throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(insert)) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            String table = insert.trim().split("\\s+")[2];
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return form.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Node.await(Duration.ofSeconds(20), "the form's insert waiting for the other admin's row",
                    () -> waitingInserts(table) > 0 || answer.isDone());
            assertThat(answer).as("the form must wait for the uncommitted row, not answer before").isNotDone();
            other.commit();
            return answer.get();
        }
    }

    /** Sessions whose insert into {@code table} waits for a row lock ({@link LockWaits}). */
    private long waitingInserts(String table) {
        return LockWaits.statementsWaiting(jdbc, "insert into " + table + " %");
    }

    /** A logged-in admin's browser without a browser: cookies, the CSRF token of the pages, form posts. */
    private final class AdminSession {
        private final PageSession session;

        AdminSession(String username, String page) {
            session = PageSession.login(port(), username);
            session.get(page);
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            return session.post(path, fields);
        }
    }
}
