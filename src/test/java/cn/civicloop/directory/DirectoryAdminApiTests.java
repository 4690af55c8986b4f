package cn.civicloop.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/** The demo directory as loaded, and what admins (and only admins) can change in it. */
class DirectoryAdminApiTests extends ApiTest {

    private static final String NEW_PASSWORD = "s3cret-pass-word";

    private final Map<String, String> tokens = new HashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, api::login);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertProblem(Api.Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    private static List<String> fields(Api.Answer a) {
        JsonNode errors = a.json().get("errors");
        return errors == null ? List.of() : errors.valueStream().map(e -> e.get("field").asString()).toList();
    }

    private Api.Answer login(String username, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    private JsonNode department(String code) {
        return api.get("/api/v1/directory/departments", token("dispatcher")).json().valueStream()
                .filter(d -> d.get("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no department " + code));
    }

    private static Map<String, Object> staff(String username, Long departmentId, String... roles) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", username);
        s.put("displayName", "测试人员");
        s.put("password", NEW_PASSWORD);
        s.put("departmentId", departmentId);
        s.put("phone", "13900000000");
        s.put("roles", List.of(roles));
        return s;
    }

    private static Map<String, Object> change(JsonNode created, boolean active) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("displayName", created.get("displayName").asString());
        s.put("departmentId", created.get("departmentId").isNull() ? null : created.get("departmentId").asLong());
        s.put("phone", created.get("phone").asString());
        s.put("active", active);
        s.put("roles", created.get("roles").valueStream().map(JsonNode::asString).toList());
        return s;
    }

    /** A fresh handler of ZFJ, created by the admin. */
    private JsonNode newHandler() {
        Api.Answer a = api.post("/api/v1/admin/staff", token("secadmin"),
                staff(unique("tester-"), departmentId("ZFJ"), "HANDLER"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    // ---------------------------------------------------------------- the demo directory

    @Test
    void theDemoAreasAreLoaded() {
        List<JsonNode> streets = api.get("/api/v1/directory/areas?level=STREET", token("operator")).json()
                .valueStream().toList();
        assertThat(streets).hasSize(11);
        assertThat(streets).extracting(s -> s.get("name").asString())
                .contains("中心街道", "税郭镇", "垎塘街道", "西王庄镇");
        assertThat(streets).allSatisfy(s -> assertThat(s.get("parentCode").asString()).isEqualTo("370402"));

        // the default level is STREET
        assertThat(api.get("/api/v1/directory/areas", token("operator")).json().size()).isEqualTo(11);
        List<JsonNode> district = api.get("/api/v1/directory/areas?level=DISTRICT", token("operator")).json()
                .valueStream().toList();
        assertThat(district).singleElement().satisfies(d -> assertThat(d.get("name").asString()).isEqualTo("市中区"));

        List<String> streetCodes = streets.stream().map(s -> s.get("code").asString()).toList();
        List<JsonNode> communities = api.get("/api/v1/directory/areas?level=COMMUNITY", token("operator")).json()
                .valueStream().toList();
        assertThat(communities).isNotEmpty()
                .allSatisfy(c -> assertThat(streetCodes).contains(c.get("parentCode").asString()));
        assertThat(api.get("/api/v1/directory/areas?level=GRID", token("operator")).json().size())
                .isGreaterThan(communities.size());
    }

    @Test
    void anUnknownAreaLevelIs422AndTheDirectoryIsForStaffOnly() {
        Api.Answer a = api.get("/api/v1/directory/areas?level=PLANET", token("operator"));
        assertProblem(a, 422);
        assertThat(fields(a)).containsExactly("level");
        assertProblem(api.get("/api/v1/directory/areas", null), 401);
        assertProblem(api.get("/api/v1/directory/departments", null), 401);
    }

    @Test
    void theDemoDepartmentsAreLoaded() {
        List<JsonNode> departments = api.get("/api/v1/directory/departments", token("zfj")).json().valueStream()
                .toList();
        assertThat(departments).extracting(d -> d.get("name").asString())
                .contains("区综合行政执法局", "区应急管理局", "市中区社会治理服务中心", "中心街道办事处", "税郭镇人民政府");

        List<JsonNode> insurers = departments.stream().filter(d -> d.get("code").asString().startsWith("INS-"))
                .toList();
        assertThat(insurers).hasSize(3).allSatisfy(d -> {
            assertThat(d.get("kind").asString()).isEqualTo("INSURER");
            assertThat(d.get("linkage").asBoolean()).isTrue();
        });
        assertThat(insurers).extracting(d -> d.get("code").asString())
                .containsExactlyInAnyOrder("INS-PICC", "INS-PA", "INS-GS");

        JsonNode zfj = department("ZFJ");
        assertThat(zfj.get("kind").asString()).isEqualTo("FUNCTIONAL");
        assertThat(zfj.get("linkage").asBoolean()).isTrue();
        assertThat(department("ZJJ").get("linkage").asBoolean()).isFalse();
        for (String unit : List.of("ZFJ-1", "ZFJ-2", "ZFJ-3")) {
            JsonNode u = department(unit);
            assertThat(u.get("kind").asString()).isEqualTo("UNIT");
            assertThat(u.get("parentId").asLong()).isEqualTo(zfj.get("id").asLong());
        }
        assertThat(department("ZX").get("kind").asString()).isEqualTo("CENTRE");
        JsonNode street = department("JD-ZX");
        assertThat(street.get("kind").asString()).isEqualTo("STREET");
        assertThat(street.get("areaCode").asString()).isEqualTo("370402001");
        assertThat(department("Z-SG").get("areaCode").asString()).isEqualTo("370402100");
    }

    // ---------------------------------------------------------------- admins edit

    @Test
    void anAdminCreatesADepartmentAndAStaffMemberWhoCanLogInAndWork() {
        String code = unique("T-");
        Api.Answer dept = api.post("/api/v1/admin/departments", token("admin"),
                Map.of("code", code, "name", "测试局" + code, "kind", "FUNCTIONAL", "phone", "0632-0000000"));
        assertThat(dept.status()).as(dept.body()).isEqualTo(201);
        long deptId = dept.json().get("id").asLong();
        assertThat(dept.json().get("active").asBoolean()).isTrue();
        assertThat(department(code).get("id").asLong()).isEqualTo(deptId);

        String username = unique("handler-");
        Api.Answer created = api.post("/api/v1/admin/staff", token("secadmin"), staff(username, deptId, "HANDLER"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo(username);
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(NEW_PASSWORD).doesNotContain("password");

        Api.Answer login = login(username, NEW_PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.text("token")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(login.json().get("departmentId").asLong()).isEqualTo(deptId);
        assertThat(login.json().get("roles").valueStream().map(JsonNode::asString)).containsExactly("HANDLER");
        String token = login.text("token");

        // the new handler works the cases of his new department, and only those
        String number = submit(appeal("新部门的工单")).text("number");
        assertThat(act("operator", number, "register", Map.of()).status()).isEqualTo(200);
        assertThat(act("dispatcher", number, "assign", Map.of("departmentId", deptId)).status()).isEqualTo(200);
        Api.Answer signed = api.post("/api/v1/cases/" + number + "/actions/sign", token, Map.of());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(api.get("/api/v1/cases", token).json().get("total").asLong()).isEqualTo(1);

        // the admin's list shows him, never with a password hash
        Api.Answer all = api.get("/api/v1/admin/staff", token("secadmin"));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().valueStream().map(s -> s.get("username").asString())).contains(username, "operator");
        assertThat(all.body()).doesNotContain("{bcrypt}").doesNotContain("password");
    }

    @Test
    void aDuplicateUsernameOrDepartmentCodeIs409() {
        JsonNode created = newHandler();
        String username = created.get("username").asString();

        Api.Answer again = api.post("/api/v1/admin/staff", token("secadmin"), staff(username, null, "OPERATOR"));
        assertProblem(again, 409);
        Api.Answer demo = api.post("/api/v1/admin/staff", token("secadmin"), staff("operator", null, "OPERATOR"));
        assertProblem(demo, 409);
        long operators = api.get("/api/v1/admin/staff", token("secadmin")).json().valueStream()
                .filter(s -> s.get("username").asString().equals("operator")).count();
        assertThat(operators).isEqualTo(1);

        Api.Answer dept = api.post("/api/v1/admin/departments", token("admin"),
                Map.of("code", "ZFJ", "name", "重复的执法局", "kind", "FUNCTIONAL"));
        assertProblem(dept, 409);
    }

    @Test
    void staffOfAnUnknownDepartmentIs422() {
        String username = unique("ghost-");
        Api.Answer a = api.post("/api/v1/admin/staff", token("secadmin"), staff(username, 987654321L, "OPERATOR"));
        assertProblem(a, 422);
        assertThat(fields(a)).containsExactly("departmentId");
        assertThat(login(username, NEW_PASSWORD).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "a {0} without a department is 422")
    @ValueSource(strings = { "HANDLER", "DEPT_HEAD" })
    void handlersAndHeadsNeedADepartment(String role) {
        String username = unique("nodept-");
        Api.Answer a = api.post("/api/v1/admin/staff", token("secadmin"), staff(username, null, role));
        assertProblem(a, 422);
        assertThat(fields(a)).containsExactly("departmentId");
        assertThat(api.get("/api/v1/admin/staff", token("secadmin")).body()).doesNotContain(username);
    }

    @Test
    void residentAndSystemAreNoStaffRoles() {
        for (String role : List.of("RESIDENT", "SYSTEM")) {
            Api.Answer a = api.post("/api/v1/admin/staff", token("secadmin"), staff(unique("odd-"), null, role));
            assertProblem(a, 422);
            assertThat(fields(a)).containsExactly("roles");
        }
    }

    @Test
    void malformedStaffAreRefusedWithTheFieldNamed() {
        Map<String, Object> shortPassword = staff(unique("short-"), null, "OPERATOR");
        shortPassword.put("password", "1234567");
        Api.Answer a = api.post("/api/v1/admin/staff", token("secadmin"), shortPassword);
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactly("password");

        Api.Answer badName = api.post("/api/v1/admin/staff", token("secadmin"), staff("has space", null, "OPERATOR"));
        assertProblem(badName, 400);
        assertThat(fields(badName)).containsExactly("username");

        Api.Answer noRoles = api.post("/api/v1/admin/staff", token("secadmin"), staff(unique("noroles-"), null));
        assertProblem(noRoles, 400);
        assertThat(fields(noRoles)).containsExactly("roles");

        Map<String, Object> badRole = staff(unique("badrole-"), null, "OPERATOR");
        badRole.put("roles", List.of("EMPEROR"));
        assertProblem(api.post("/api/v1/admin/staff", token("secadmin"), badRole), 400);

        Api.Answer badKind = api.post("/api/v1/admin/departments", token("admin"),
                Map.of("code", unique("K-"), "name", "未知类型", "kind", "GUILD"));
        assertProblem(badKind, 400);
        assertThat(fields(badKind)).containsExactly("kind");
    }

    @Test
    void aDepartmentWithAnUnknownParentOrAreaIs422() {
        Api.Answer parent = api.post("/api/v1/admin/departments", token("admin"),
                Map.of("code", unique("P-"), "name", "孤儿单位", "kind", "UNIT", "parentId", 987654321L));
        assertProblem(parent, 422);
        assertThat(fields(parent)).containsExactly("parentId");
        Api.Answer area = api.post("/api/v1/admin/departments", token("admin"),
                Map.of("code", unique("A-"), "name", "无地街道", "kind", "STREET", "areaCode", "999999999"));
        assertProblem(area, 422);
        assertThat(fields(area)).containsExactly("areaCode");
    }

    @Test
    void anUnknownStaffMemberIs404() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", "无此人");
        body.put("active", true);
        body.put("roles", List.of("OPERATOR"));
        assertProblem(api.put("/api/v1/admin/staff/987654321", token("secadmin"), body), 404);
        assertProblem(api.put("/api/v1/admin/staff/987654321/password", token("secadmin"),
                Map.of("password", NEW_PASSWORD)), 404);
    }

    @ParameterizedTest(name = "{0} may not use the admin API")
    @ValueSource(strings = { "operator", "dispatcher", "leader", "zfj-head", "zfj" })
    void onlyAdminsUseTheAdminApi(String user) {
        String username = unique("sneak-");
        assertProblem(api.get("/api/v1/admin/staff", token(user)), 403);
        assertProblem(api.get("/api/v1/admin/departments", token(user)), 403);
        assertProblem(api.post("/api/v1/admin/staff", token(user), staff(username, null, "ADMIN")), 403);
        assertProblem(api.post("/api/v1/admin/departments", token(user),
                Map.of("code", unique("X-"), "name", "越权部门", "kind", "FUNCTIONAL")), 403);
        long operatorId = api.get("/api/v1/admin/staff", token("secadmin")).json().valueStream()
                .filter(s -> s.get("username").asString().equals("operator")).findFirst().orElseThrow()
                .get("id").asLong();
        assertProblem(api.put("/api/v1/admin/staff/" + operatorId + "/password", token(user),
                Map.of("password", NEW_PASSWORD)), 403);

        assertThat(api.get("/api/v1/admin/staff", token("secadmin")).body()).doesNotContain(username);
        assertThat(login("operator", Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theAdminApiNeedsAToken() {
        assertProblem(api.get("/api/v1/admin/staff", null), 401);
        assertProblem(api.post("/api/v1/admin/staff", null, staff(unique("anon-"), null, "ADMIN")), 401);
    }

    // ---------------------------------------------------------------- tokens and passwords

    @Test
    void deactivatingAStaffMemberKillsHisTokenAndHisLogin() {
        JsonNode created = newHandler();
        long id = created.get("id").asLong();
        String username = created.get("username").asString();
        String token = login(username, NEW_PASSWORD).text("token");
        assertThat(api.get("/api/v1/directory/departments", token).status()).isEqualTo(200);

        Api.Answer off = api.put("/api/v1/admin/staff/" + id, token("secadmin"), change(created, false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("active").asBoolean()).isFalse();

        assertProblem(api.get("/api/v1/directory/departments", token), 401);
        assertProblem(api.get("/api/v1/cases", token), 401);
        Api.Answer refused = login(username, NEW_PASSWORD);
        assertProblem(refused, 401);

        Api.Answer on = api.put("/api/v1/admin/staff/" + id, token("secadmin"), change(created, true));
        assertThat(on.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/directory/departments", token).status())
                .as("a token once revoked stays revoked").isEqualTo(401);
        assertThat(login(username, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordKillsTheOldTokensAndTheOldPassword() {
        JsonNode created = newHandler();
        long id = created.get("id").asLong();
        String username = created.get("username").asString();
        String token = login(username, NEW_PASSWORD).text("token");

        Api.Answer changed = api.put("/api/v1/admin/staff/" + id + "/password", token("secadmin"),
                Map.of("password", "another-long-password"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        assertProblem(api.get("/api/v1/directory/departments", token), 401);
        assertProblem(login(username, NEW_PASSWORD), 401);
        assertThat(login(username, "another-long-password").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        Api.Answer wrong = login("operator", "not-the-password");
        assertProblem(wrong, 401);
        Api.Answer unknown = login(unique("nobody-"), "not-the-password");
        assertProblem(unknown, 401);
        assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
        assertThat(wrong.text("title")).isEqualTo(unknown.text("title"));
        assertThat(wrong.json().get("token")).isNull();

        Api.Answer blank = login("operator", "");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(fields(blank)).containsExactly("password");
    }
}
