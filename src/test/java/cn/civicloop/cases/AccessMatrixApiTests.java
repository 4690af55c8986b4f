package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix over HTTP: for each role, which cases it may read and which actions it may take
 * (see CaseAccess). Every test makes its own cases.
 */
class AccessMatrixApiTests extends ApiTest {

    /** The smallest thing the attachment policy takes for a PNG: its 8-byte signature and a little more. */
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R' };

    private final Map<String, String> tokens = new HashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, api::login);
    }

    private record Created(String number, String trackingToken) {
    }

    private Created submitted(Map<String, Object> appeal) {
        Api.Answer a = submit(appeal);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return new Created(a.text("number"), a.text("trackingToken"));
    }

    /** A case registered by the operator and assigned by the district dispatcher to the department {@code code}. */
    private Created assignedTo(String code, Map<String, Object> appeal) {
        Created c = submitted(appeal);
        cn.civicloop.support.CaseSteps.assign(api, c.number(), code);
        return c;
    }

    private Created assignedTo(String code) {
        return assignedTo(code, appeal("访问矩阵测试 " + code));
    }

    private Api.Answer action(String user, String number, String action, Map<String, Object> body) {
        return api.post("/api/v1/cases/" + number + "/actions/" + action, token(user), body);
    }

    private JsonNode ok(String user, String number, String action, Map<String, Object> body) {
        Api.Answer a = action(user, number, action, body);
        assertThat(a.status()).as(action + " by " + user + ": " + a.body()).isEqualTo(200);
        return a.json();
    }

    private Api.Answer view(String user, String number) {
        return api.get("/api/v1/cases/" + number, token(user));
    }

    private List<String> allowedActions(String user, String number) {
        Api.Answer a = view(user, number);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("allowedActions").valueStream().map(JsonNode::asString).toList();
    }

    private static void assertProblem(Api.Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    // ---------------------------------------------------------------- reading

    @ParameterizedTest(name = "{0} reads a case held by ZFJ")
    @ValueSource(strings = { "operator", "officer", "dispatcher", "leader", "zfj", "zfj-head", "zfj-dispatcher" })
    void theCentreLeadersAndTheHoldingDepartmentReadTheCase(String user) {
        Created c = assignedTo("ZFJ");

        Api.Answer v = view(user, c.number());
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        assertThat(v.text("number")).isEqualTo(c.number());
        assertThat(v.text("departmentName")).isEqualTo("区综合行政执法局");
        Api.Answer timeline = api.get("/api/v1/cases/" + c.number() + "/timeline", token(user));
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        assertThat(timeline.json().valueStream().map(e -> e.get("action").asString()))
                .containsExactly("SUBMIT", "REGISTER", "ASSIGN");
    }

    @ParameterizedTest(name = "{0} may not read a ZFJ case, its timeline, its photos, nor act on it")
    @ValueSource(strings = { "yjj", "jd-zx", "picc", "zfj1", "admin" })
    void otherDepartmentsUnitsNotYetInvolvedAndAdminsAreRefused(String user) {
        // a case with a photo, so that the attachment door can be tried too
        Api.Answer withPhoto = api.postMultipart("/api/v1/appeals", null, "appeal", appeal("带照片的访问测试"), "photos",
                Map.of("scene.png", PNG));
        assertThat(withPhoto.status()).as(withPhoto.body()).isEqualTo(201);
        String number = withPhoto.text("number");
        ok("operator", number, "register", Map.of());
        ok("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ")));
        long photoId = view("operator", number).json().get("attachments").get(0).get("id").asLong();

        assertProblem(view(user, number), 403);
        assertProblem(api.get("/api/v1/cases/" + number + "/timeline", token(user)), 403);
        assertProblem(api.get("/api/v1/cases/" + number + "/attachments/" + photoId, token(user)), 403);
        Api.Answer body = view(user, number);
        assertThat(body.body()).doesNotContain("张三丰").doesNotContain("13812345678").doesNotContain("带照片的访问测试");

        // the department that holds it does get the photo
        Api.Answer photo = api.get("/api/v1/cases/" + number + "/attachments/" + photoId, token("zfj"));
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).startsWith("image/png");
    }

    static Stream<Arguments> actionsOfOutsiders() {
        Map<String, Object> reason = Map.of("reason", "测试理由");
        List<Arguments> args = new java.util.ArrayList<>();
        for (String user : List.of("yjj", "jd-zx", "picc", "admin")) {
            args.add(Arguments.of(user, "sign", Map.of()));
            args.add(Arguments.of(user, "return", reason));
            args.add(Arguments.of(user, "note", Map.of("text", "看一眼")));
            args.add(Arguments.of(user, "request-extension", Map.of("workingDays", 3, "reason", "测试")));
            args.add(Arguments.of(user, "reply", Map.of("text", "已处理")));
            args.add(Arguments.of(user, "void", reason));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} may not {1} a ZFJ case")
    @MethodSource("actionsOfOutsiders")
    void outsidersMayTakeNoActionOnACaseTheyDoNotHold(String user, String slug, Map<String, Object> body) {
        Created c = assignedTo("ZFJ");

        assertProblem(action(user, c.number(), slug, body), 403);
        assertThat(view("operator", c.number()).text("status")).isEqualTo("ASSIGNED");
        assertThat(api.get("/api/v1/cases/" + c.number() + "/timeline", token("operator")).json().size())
                .as("nothing was recorded").isEqualTo(3);
    }

    @Test
    void aUnitReadsTheCaseOnlyOnceTheDepartmentHeadHandsItToTheUnit() {
        Created c = assignedTo("ZFJ");
        assertProblem(view("zfj1", c.number()), 403);
        assertProblem(action("zfj1", c.number(), "sign", Map.of()), 403);

        JsonNode assigned = ok("zfj-head", c.number(), "assign-unit", Map.of("unitId", departmentId("ZFJ-1")));
        assertThat(assigned.get("unitName").asString()).isEqualTo("执法一中队");

        assertThat(view("zfj1", c.number()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + c.number() + "/timeline", token("zfj1")).status()).isEqualTo(200);
        JsonNode signed = ok("zfj1", c.number(), "sign", Map.of());
        assertThat(signed.get("status").asString()).isEqualTo("IN_PROGRESS");
        // the department still sees the case its unit works on
        assertThat(view("zfj", c.number()).status()).isEqualTo(200);
    }

    @Test
    void theDepartmentsOwnDispatcherHandsCasesToUnitsButNeverToAnotherDepartment() {
        Created c = assignedTo("ZFJ");

        assertProblem(action("zfj-dispatcher", c.number(), "reassign",
                Map.of("departmentId", departmentId("YJJ"), "reason", "不属于我局")), 403);
        assertThat(view("operator", c.number()).json().get("departmentId").asLong()).isEqualTo(departmentId("ZFJ"));

        JsonNode assigned = ok("zfj-dispatcher", c.number(), "assign-unit", Map.of("unitId", departmentId("ZFJ-1")));
        assertThat(assigned.get("unitId").asLong()).isEqualTo(departmentId("ZFJ-1"));
        assertThat(view("zfj1", c.number()).status()).isEqualTo(200);
    }

    @Test
    void aDepartmentHeadCannotHandTheCaseToAUnitOfAnotherDepartment() {
        Created c = assignedTo("ZFJ");
        Api.Answer a = action("zfj-head", c.number(), "assign-unit", Map.of("unitId", departmentId("GAJ-110")));
        assertProblem(a, 422);
        assertThat(a.json().get("errors").get(0).get("field").asString()).isEqualTo("unitId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZFJ-1", "GAJ-110", "ZX"})
    void firstLevelAssignmentNamesAHandlingDepartmentNeverAUnitOrACentre(String code) {
        Created c = submitted(appeal("一级派单只派部门 " + code));
        ok("operator", c.number(), "register", Map.of());

        Api.Answer a = action("dispatcher", c.number(), "assign", Map.of("departmentId", departmentId(code)));
        assertProblem(a, 422);
        assertThat(a.json().get("errors").get(0).get("field").asString()).isEqualTo("departmentId");
        assertThat(a.json().get("detail").asString()).isNotBlank();
        assertThat(view("operator", c.number()).text("status")).isEqualTo("REGISTERED");

        Api.Answer withUnit = action("dispatcher", c.number(), "assign",
                Map.of("departmentId", departmentId("ZFJ"), "unitId", departmentId("ZFJ-1")));
        assertProblem(withUnit, 422);
        assertThat(withUnit.json().get("errors").get(0).get("field").asString()).isEqualTo("unitId");

        ok("dispatcher", c.number(), "assign", Map.of("departmentId", departmentId("ZFJ")));
        Api.Answer reassigned = action("dispatcher", c.number(), "reassign",
                Map.of("departmentId", departmentId("ZFJ-2"), "reason", "改派到中队"));
        assertProblem(reassigned, 422);
        // the centre does not hand a case to a unit either: that is the department's own 二级派单
        assertProblem(action("dispatcher", c.number(), "assign-unit", Map.of("unitId", departmentId("ZFJ-1"))), 403);
        JsonNode handed = ok("zfj-head", c.number(), "assign-unit", Map.of("unitId", departmentId("ZFJ-1")));
        assertThat(handed.get("departmentId").asLong()).isEqualTo(departmentId("ZFJ"));
        assertThat(handed.get("unitId").asLong()).isEqualTo(departmentId("ZFJ-1"));
    }

    // ---------------------------------------------------------------- actions by role

    @Test
    void aHandlerCannotAssignAndADispatcherCannotSign() {
        Created c = assignedTo("ZFJ");

        assertProblem(action("zfj", c.number(), "reassign",
                Map.of("departmentId", departmentId("YJJ"), "reason", "不归我们管")), 403);
        assertProblem(action("zfj", c.number(), "assign-unit", Map.of("unitId", departmentId("ZFJ-1"))), 403);
        assertProblem(action("dispatcher", c.number(), "sign", Map.of()), 403);
        assertProblem(action("zfj-dispatcher", c.number(), "sign", Map.of()), 403);
        assertProblem(action("yjj", c.number(), "sign", Map.of()), 403);

        Created registered = submitted(appeal("待派遣的工单"));
        ok("operator", registered.number(), "register", Map.of());
        assertProblem(action("zfj", registered.number(), "assign",
                Map.of("departmentId", departmentId("ZFJ"))), 403);
        assertThat(view("operator", registered.number()).text("status")).isEqualTo("REGISTERED");

        assertThat(view("operator", c.number()).text("status")).isEqualTo("ASSIGNED");
    }

    @ParameterizedTest(name = "the leader may not {0}")
    @MethodSource("leaderRefusals")
    void theLeaderReadsEverythingButOnlyWritesNotesAndSupervises(String slug, Map<String, Object> body, boolean assigned) {
        Created c = assigned ? assignedTo("ZFJ") : submitted(appeal("领导只能批注"));
        String before = view("operator", c.number()).text("status");

        assertProblem(action("leader", c.number(), slug, body), 403);
        assertThat(view("operator", c.number()).text("status")).isEqualTo(before);

        JsonNode noted = ok("leader", c.number(), "note", Map.of("text", "请抓紧办理"));
        assertThat(noted.get("status").asString()).isEqualTo(before);
        if (assigned) {
            assertThat(noted.get("allowedActions").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder("NOTE", "URGE", "SUPERVISE");
        } else {
            assertThat(noted.get("allowedActions").valueStream().map(JsonNode::asString)).containsExactly("NOTE");
        }
    }

    static Stream<Arguments> leaderRefusals() {
        return Stream.of(
                Arguments.of("register", Map.of(), false),
                Arguments.of("decline", Map.of("reason", "重复"), false),
                Arguments.of("void", Map.of("reason", "无效"), false),
                Arguments.of("reassign", Map.of("departmentId", 1, "reason", "改派"), true),
                Arguments.of("sign", Map.of(), true),
                Arguments.of("return", Map.of("reason", "退回"), true));
    }

    @Test
    void allowedActionsSayWhatEachViewerMayDoNow() {
        Created c = assignedTo("ZFJ");

        assertThat(allowedActions("zfj", c.number())).containsExactlyInAnyOrder("SIGN", "RETURN", "NOTE");
        assertThat(allowedActions("zfj-head", c.number()))
                .containsExactlyInAnyOrder("SIGN", "RETURN", "ASSIGN_UNIT", "NOTE");
        assertThat(allowedActions("zfj-dispatcher", c.number())).containsExactlyInAnyOrder("ASSIGN_UNIT", "NOTE");
        // the centre assigns to departments; handing the case to a unit is the department's own 二级派单
        assertThat(allowedActions("dispatcher", c.number())).containsExactlyInAnyOrder("REASSIGN",
                "VOID", "MERGE", "NOTE", "URGE", "SUPERVISE", "ADD_CO_HANDLER");
        assertThat(allowedActions("operator", c.number())).containsExactlyInAnyOrder("VOID", "MERGE", "NOTE");
        assertThat(allowedActions("leader", c.number())).containsExactlyInAnyOrder("NOTE", "URGE", "SUPERVISE");

        Created fresh = submitted(appeal("刚提交的工单"));
        assertThat(allowedActions("operator", fresh.number()))
                .containsExactlyInAnyOrder("REGISTER", "DECLINE", "ANSWER", "VOID", "MERGE", "NOTE");
        assertThat(allowedActions("dispatcher", fresh.number())).containsExactlyInAnyOrder("VOID", "MERGE", "NOTE");
    }

    // ---------------------------------------------------------------- the list

    @Test
    void theListShowsDepartmentStaffOnlyTheirOwnDepartmentsCases() {
        String marker = "列表范围" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Created forZfj = assignedTo("ZFJ", appeal(marker + " 执法"));
        Created forYjj = assignedTo("YJJ", appeal(marker + " 应急"));
        Created unassigned = submitted(appeal(marker + " 未派"));

        assertThat(listed("zfj", marker)).containsExactly(forZfj.number());
        assertThat(listed("zfj-head", marker)).containsExactly(forZfj.number());
        assertThat(listed("yjj", marker)).containsExactly(forYjj.number());
        assertThat(listed("jd-zx", marker)).isEmpty();
        assertThat(listed("zfj1", marker)).isEmpty();
        assertThat(listed("operator", marker))
                .containsExactlyInAnyOrder(forZfj.number(), forYjj.number(), unassigned.number());
        assertThat(listed("leader", marker)).hasSize(3);
        assertThat(listed("dispatcher", marker)).hasSize(3);

        // asking for another department's cases does not widen a department's view
        Api.Answer sneaky = api.get("/api/v1/cases?q=" + enc(marker) + "&departmentId=" + departmentId("YJJ"),
                token("zfj"));
        assertThat(sneaky.status()).isEqualTo(200);
        assertThat(sneaky.json().get("items").size()).isZero();

        ok("zfj-head", forZfj.number(), "assign-unit", Map.of("unitId", departmentId("ZFJ-1")));
        assertThat(listed("zfj1", marker)).containsExactly(forZfj.number());
    }

    @Test
    void theAdminSeesNoCasesAndNobodyWithoutATokenSeesAnything() {
        Created c = assignedTo("ZFJ");

        assertProblem(api.get("/api/v1/cases", token("admin")), 403);
        assertProblem(api.get("/api/v1/cases/" + c.number(), token("admin")), 403);
        assertProblem(api.get("/api/v1/cases", null), 401);
        assertProblem(api.get("/api/v1/cases/" + c.number(), null), 401);
        assertProblem(api.get("/api/v1/cases/" + c.number() + "/timeline", null), 401);
        assertProblem(api.post("/api/v1/cases/" + c.number() + "/actions/sign", null, Map.of()), 401);
        assertProblem(api.get("/api/v1/cases/" + c.number(), "not-a-real-token"), 401);
        assertThat(view("operator", c.number()).text("status")).isEqualTo("ASSIGNED");
    }

    private List<String> listed(String user, String marker) {
        Api.Answer a = api.get("/api/v1/cases?size=100&q=" + enc(marker), token(user));
        assertThat(a.status()).as(user + ": " + a.body()).isEqualTo(200);
        return a.json().get("items").valueStream().map(i -> i.get("number").asString()).toList();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- residents and personal data

    @Test
    void aResidentNeedsTheRightTokenForTheRightCase() {
        Created mine = submitted(appeal("我的诉求"));
        Created other = submitted(appeal("别人的诉求"));

        Api.Answer right = api.get("/api/v1/public/cases/" + mine.number(), null,
                Map.of("X-Tracking-Token", mine.trackingToken()));
        assertThat(right.status()).as(right.body()).isEqualTo(200);

        Api.Answer wrong = api.get("/api/v1/public/cases/" + mine.number(), null,
                Map.of("X-Tracking-Token", "x" + mine.trackingToken()));
        assertProblem(wrong, 404);
        Api.Answer othersToken = api.get("/api/v1/public/cases/" + mine.number(), null,
                Map.of("X-Tracking-Token", other.trackingToken()));
        assertProblem(othersToken, 404);
        Api.Answer none = api.get("/api/v1/public/cases/" + mine.number(), null);
        assertProblem(none, 404);
        Api.Answer unknown = api.get("/api/v1/public/cases/SZ-19990101-000001", null,
                Map.of("X-Tracking-Token", mine.trackingToken()));
        assertProblem(unknown, 404);
        assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
        assertThat(wrong.body()).doesNotContain("我的诉求");

        Api.Answer reopen = api.post("/api/v1/public/cases/" + mine.number() + "/reopen", null,
                Map.of("reason", "不满意"), Map.of("X-Tracking-Token", other.trackingToken()));
        assertProblem(reopen, 404);
        Api.Answer followUp = api.post("/api/v1/public/cases/" + mine.number() + "/follow-up", null,
                Map.of("resolved", true, "satisfaction", "SATISFIED"), Map.of("X-Tracking-Token", "nope"));
        assertProblem(followUp, 404);
    }

    @Test
    void theResidentsPublicViewNeverShowsHisFullNameOrPhone() {
        Created c = assignedTo("ZFJ");
        ok("operator", c.number(), "note", Map.of("text", "已联系群众", "publicNote", true));

        Api.Answer pub = api.get("/api/v1/public/cases/" + c.number(), null,
                Map.of("X-Tracking-Token", c.trackingToken()));
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.body()).doesNotContain("13812345678").doesNotContain("张三丰");
        assertThat(pub.text("contactPhone")).isEqualTo("138****5678");
        assertThat(pub.text("contactName")).isEqualTo("张**");
        // nor the names of the staff who handled it
        assertThat(pub.body()).doesNotContain("王芳").doesNotContain("赵强");
    }

    @Test
    void anAnonymousResidentsContactIsMaskedForTheDepartmentButNotForTheCentre() {
        Map<String, Object> form = appeal("匿名反映");
        form.put("anonymous", true);
        Created c = assignedTo("ZFJ", form);

        for (String departmentStaff : List.of("zfj", "zfj-head", "zfj-dispatcher")) {
            Api.Answer v = view(departmentStaff, c.number());
            assertThat(v.status()).isEqualTo(200);
            assertThat(v.text("contactPhone")).as(departmentStaff).isEqualTo("138****5678");
            assertThat(v.text("contactName")).as(departmentStaff).isEqualTo("张**");
            assertThat(v.body()).as(departmentStaff).doesNotContain("13812345678").doesNotContain("张三丰");
            assertThat(v.json().get("anonymous").asBoolean()).isTrue();
        }
        for (String centre : List.of("operator", "dispatcher")) {
            Api.Answer v = view(centre, c.number());
            assertThat(v.text("contactPhone")).as(centre).isEqualTo("13812345678");
            assertThat(v.text("contactName")).as(centre).isEqualTo("张三丰");
        }

        // a case that is not anonymous shows the department whom to call back
        Created open = assignedTo("ZFJ");
        assertThat(view("zfj", open.number()).text("contactPhone")).isEqualTo("13812345678");
    }
}
