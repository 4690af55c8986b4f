package cn.civicloop.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * 三员分立: the system administrator (departments, configuration), the security administrator (accounts, roles,
 * unlocks, resets) and the audit administrator (the audit, nothing else) are separate; no one holds two of them or
 * one with any other role, none reads cases, nobody changes his own roles, and the audit keeps each account change
 * with the account before and after.
 */
class SeparationOfDutiesApiTests extends ApiTest {

    private static final String PASSWORD = "separate-duties-1";

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> staff(String username, Long departmentId, String... roles) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", username);
        s.put("displayName", "三员测试");
        s.put("password", PASSWORD);
        s.put("departmentId", departmentId);
        s.put("roles", List.of(roles));
        return s;
    }

    private static Map<String, Object> change(JsonNode member, Long departmentId, String... roles) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("displayName", member.get("displayName").asString());
        s.put("departmentId", departmentId);
        s.put("active", true);
        s.put("roles", List.of(roles));
        return s;
    }

    /** A new administrator enrols his TOTP secret at his first page login, then asks for a token with a code. */
    private String tokenOf(String username) {
        var page = cn.civicloop.support.PageSession.anonymous(port());
        page.get("/login");
        page.post("/login", Map.of("username", username, "password", PASSWORD));
        var m = java.util.regex.Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page.get("/login/totp").body());
        assertThat(m.find()).as("an administrator without a secret is asked to enrol").isTrue();
        String secret = m.group(1);
        var now = cn.civicloop.support.Totp.now(port());
        assertThat(page.post("/login/totp", Map.of("code", cn.civicloop.support.Totp.code(secret, now))).statusCode())
                .isEqualTo(302);
        // the enrolment used this step's code: the token asks with the next one (one step of drift is accepted)
        Api.Answer a = api.post("/api/v1/auth/token", null, Map.of("username", username, "password", PASSWORD,
                "totp", cn.civicloop.support.Totp.code(secret, now.plusSeconds(30))));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.text("token");
    }

    @Test
    void onlyTheSecurityAdministratorManagesAccountsAndLocks() {
        for (String other : List.of("admin", "auditor")) {
            String token = api.login(other);
            assertThat(api.get("/api/v1/admin/staff", token).status()).as(other).isEqualTo(403);
            assertThat(api.post("/api/v1/admin/staff", token, staff(unique("x-"), null, "LEADER")).status())
                    .as(other + " grants no role").isEqualTo(403);
            assertThat(api.get("/api/v1/admin/login-locks", token).status()).as(other).isEqualTo(403);
        }
        String secadmin = api.login("secadmin");
        assertThat(api.get("/api/v1/admin/staff", secadmin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/login-locks", secadmin).status()).isEqualTo(200);
    }

    @Test
    void onlyTheSystemAdministratorEditsDepartmentsAndOnlyTheAuditAdministratorReadsTheAudit() {
        Map<String, Object> dept = Map.of("code", unique("SOD-"), "name", "三员测试科", "kind", "FUNCTIONAL");
        assertThat(api.post("/api/v1/admin/departments", api.login("secadmin"), dept).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/departments", api.login("auditor"), dept).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/departments", api.login("admin"), dept).status()).isEqualTo(201);

        assertThat(api.get("/api/v1/admin/audit", api.login("admin")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit", api.login("secadmin")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit", api.login("auditor")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/audit/verification", api.login("auditor")).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} reads no case")
    @ValueSource(strings = { "admin", "secadmin", "auditor" })
    void noAdministratorReadsCases(String admin) {
        assertThat(api.get("/api/v1/cases", api.login(admin)).status()).isEqualTo(403);
    }

    @Test
    void noOneHoldsTwoAdministratorRolesNorOneWithAnyOtherRole() {
        String secadmin = api.login("secadmin");
        for (List<String> roles : List.of(List.of("ADMIN", "AUDIT_ADMIN"), List.of("SECURITY_ADMIN", "ADMIN"),
                List.of("ADMIN", "LEADER"), List.of("AUDIT_ADMIN", "OPERATOR"))) {
            Api.Answer a = api.post("/api/v1/admin/staff", secadmin,
                    staff(unique("two-"), null, roles.toArray(String[]::new)));
            assertThat(a.status()).as(roles + ": " + a.body()).isEqualTo(422);
            assertThat(a.body()).contains("roles");
        }
        // and not by a later change either
        Api.Answer auditor = api.post("/api/v1/admin/staff", secadmin, staff(unique("aud-"), null, "AUDIT_ADMIN"));
        assertThat(auditor.status()).as(auditor.body()).isEqualTo(201);
        assertThat(api.put("/api/v1/admin/staff/" + auditor.json().get("id").asLong(), secadmin,
                change(auditor.json(), null, "AUDIT_ADMIN", "LEADER")).status()).isEqualTo(422);
    }

    @Test
    void anOpen311ClientIsNoRoleOfAPerson() {
        Api.Answer a = api.post("/api/v1/admin/staff", api.login("secadmin"),
                staff(unique("o311-"), null, "OPEN311_CLIENT"));
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        assertThat(a.body()).contains("OPEN311_CLIENT");
    }

    @Test
    void aSecurityAdministratorCannotGrantHimselfARoleNorResetHisOwnPassword() {
        String name = unique("sec-");
        Api.Answer created = api.post("/api/v1/admin/staff", api.login("secadmin"), staff(name, null, "SECURITY_ADMIN"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String himself = tokenOf(name);

        Api.Answer grant = api.put("/api/v1/admin/staff/" + id, himself, change(created.json(), null, "LEADER"));
        assertThat(grant.status()).as(grant.body()).isEqualTo(403);
        Api.Answer reset = api.put("/api/v1/admin/staff/" + id + "/password", himself,
                Map.of("password", "my-own-reset-1"));
        assertThat(reset.status()).as(reset.body()).isEqualTo(403);

        JsonNode now = api.get("/api/v1/admin/staff", api.login("secadmin")).json().valueStream()
                .filter(s -> s.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(now.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("SECURITY_ADMIN");
        assertThat(api.get("/api/v1/admin/staff", himself).status()).as("his token still works").isEqualTo(200);
    }

    @Test
    void theAuditKeepsWhoChangedWhichRolesFromWhatToWhat() {
        String secadmin = api.login("secadmin");
        String name = unique("moved-");
        Api.Answer created = api.post("/api/v1/admin/staff", secadmin, staff(name, null, "OPERATOR"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long zfj = departmentId("ZFJ");
        Api.Answer changed = api.put("/api/v1/admin/staff/" + created.json().get("id").asLong(), secadmin,
                change(created.json(), zfj, "HANDLER"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        List<JsonNode> rows = api.get("/api/v1/admin/audit?limit=200", api.login("auditor")).json().valueStream()
                .filter(r -> name.equals(r.get("target").asString())).toList();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("action").asString()).isEqualTo("STAFF_ACCOUNT");
            assertThat(r.get("actor").asString()).isEqualTo("secadmin");
            assertThat(r.get("outcome").asString()).isEqualTo("CHANGED");
            JsonNode detail = Api.json().readTree(r.get("detail").asString());
            assertThat(detail.get("before").get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
            assertThat(detail.get("before").get("departmentId").isNull()).isTrue();
            assertThat(detail.get("after").get("roles").toString()).isEqualTo("[\"HANDLER\"]");
            assertThat(detail.get("after").get("departmentId").asLong()).isEqualTo(zfj);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("outcome").asString()).isEqualTo("CREATED");
            assertThat(r.get("detail").asString()).isEqualTo(
                    "{\"before\":null,\"after\":{\"active\":true,\"departmentId\":null,\"roles\":[\"OPERATOR\"]}}")
                    .doesNotContain(PASSWORD);
        });
    }
}
