package cn.civicloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.core.io.ClassPathResource;

import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Bad input never gives a 5xx and never leaves half a case behind; every refusal is a problem document. */
class BadInputApiTests extends ApiTest {

    private static final String APPEALS = "/api/v1/appeals";

    private final Map<String, String> tokens = new HashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, api::login);
    }

    private static void assertProblem(Api.Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        JsonNode json = a.json();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("detail").asString()).isNotBlank();
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("at cn.civicloop");
    }

    private static List<String> fields(Api.Answer a) {
        JsonNode errors = a.json().get("errors");
        return errors == null ? List.of() : errors.valueStream().map(e -> e.get("field").asString()).toList();
    }

    private Api.Answer postJson(String json) {
        return api.postRaw(APPEALS, null, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A point well inside 中心街道, computed from the shipped demo polygons (WGS84). */
    private static GeoPoint insideTheDistrict() {
        try (var in = new ClassPathResource("geo/demo-district.geojson").getInputStream()) {
            JsonNode root = Api.json().readTree(in);
            for (JsonNode f : root.get("features")) {
                if (f.get("properties").get("code").asString().equals("370402001")) {
                    JsonNode ring = f.get("geometry").get("coordinates").get(0);
                    Coordinate[] cs = ring.valueStream()
                            .map(c -> new Coordinate(c.get(0).asDouble(), c.get(1).asDouble()))
                            .toArray(Coordinate[]::new);
                    Point p = new GeometryFactory().createPolygon(cs).getInteriorPoint();
                    return new GeoPoint(p.getY(), p.getX());
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("中心街道 (370402001) is not in the demo file");
    }

    private static Map<String, Object> at(double lat, double lon, String datum) {
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("lat", lat);
        loc.put("lon", lon);
        if (datum != null) {
            loc.put("datum", datum);
        }
        return loc;
    }

    /** True when the channel reference has not yet opened a case: submitting it again creates one. */
    private void assertNoCaseWasOpenedFor(Map<String, Object> form) {
        Map<String, Object> clean = appeal("重新提交的有效诉求");
        clean.put("externalRef", form.get("externalRef"));
        Api.Answer again = submit(clean);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("created").asBoolean()).isTrue();
    }

    // ---------------------------------------------------------------- malformed and mistyped bodies

    @ParameterizedTest(name = "malformed body: {0}")
    @ValueSource(strings = { "{\"channel\": \"WEBSITE\", \"title\": ", "not json at all", "[1, 2, 3]", "",
            "{\"channel\": \"WEBSITE\",, }" })
    void aMalformedBodyIsA400ProblemDocument(String body) {
        assertProblem(postJson(body), 400);
    }

    @Test
    void anUnknownChannelIsA400NamingTheField() {
        Map<String, Object> form = appeal("信鸽渠道");
        form.put("channel", "PIGEON");
        Api.Answer a = submit(form);
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactly("channel");
        assertNoCaseWasOpenedFor(form);
    }

    @Test
    void aLatitudeThatIsNoNumberIsA400NamingTheField() {
        Map<String, Object> form = appeal("纬度不是数字");
        form.put("location", Map.of("lat", "abc", "lon", 117.56));
        Api.Answer a = submit(form);
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactly("location.lat");
    }

    @Test
    void aWrongDatumIsA400NamingTheField() {
        Map<String, Object> form = appeal("未知坐标系");
        form.put("location", at(34.86, 117.56, "BD09"));
        Api.Answer a = submit(form);
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactly("location.datum");
    }

    @Test
    void missingTitleAndContentAreNamed() {
        Map<String, Object> form = appeal("x");
        form.remove("title");
        form.put("content", "   ");
        Api.Answer a = submit(form);
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactlyInAnyOrder("title", "content");
        assertNoCaseWasOpenedFor(form);
    }

    @Test
    void aTitleThatIsOnlyControlCharactersCountsAsMissing() {
        Map<String, Object> form = appeal("x");
        form.put("title", "\u0000\u0007\u001b");
        Api.Answer a = submit(form);
        assertThat(a.status()).as(a.body()).isBetween(400, 422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(fields(a)).containsExactly("title");
    }

    @Test
    void aTitleOfMoreThan200CharactersIsRefused() {
        Map<String, Object> ok = appeal("长".repeat(200));
        assertThat(submit(ok).status()).isEqualTo(201);

        Map<String, Object> form = appeal("长".repeat(201));
        Api.Answer a = submit(form);
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactly("title");
        assertNoCaseWasOpenedFor(form);
    }

    @Test
    void aBadPhoneNumberAndABadExternalReferenceAreNamed() {
        Map<String, Object> form = appeal("电话格式不对");
        form.put("contact", Map.of("name", "张三", "phone", "call me<script>"));
        form.put("externalRef", "bad ref with spaces");
        Api.Answer a = submit(form);
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactlyInAnyOrder("contact.phone", "externalRef");
    }

    // ---------------------------------------------------------------- where

    @Test
    void aLatitudeOutOfRangeIs422OnLocation() {
        Map<String, Object> form = appeal("纬度越界");
        form.put("location", at(95, 117.56, null));
        Api.Answer a = submit(form);
        assertProblem(a, 422);
        assertThat(fields(a)).containsExactly("location");
        assertNoCaseWasOpenedFor(form);
    }

    @Test
    void aPointFarOutsideTheDistrictIs422OnLocation() {
        Map<String, Object> form = appeal("北京的问题");
        form.put("location", at(39.9, 116.4, "WGS84"));
        Api.Answer a = submit(form);
        assertProblem(a, 422);
        assertThat(fields(a)).containsExactly("location");
        assertNoCaseWasOpenedFor(form);
    }

    @Test
    void aPointFromAChineseWebMapInsideTheDistrictIsAcceptedAndPlaced() {
        GeoPoint wgs = insideTheDistrict();
        GeoPoint gcj = ChinaDatum.wgs84ToGcj02(wgs);
        Map<String, Object> form = appeal("高德地图选点");
        form.put("location", at(gcj.lat(), gcj.lon(), "GCJ02"));
        Api.Answer a = submit(form);
        assertThat(a.status()).as(a.body()).isEqualTo(201);

        JsonNode view = api.get("/api/v1/cases/" + a.text("number"), token("operator")).json();
        assertThat(view.get("streetCode").asString()).isEqualTo("370402001");
        assertThat(view.get("gridCode").asString()).startsWith("370402001");
        // stored in WGS84: within a few metres of the point the web map was showing
        assertThat(view.get("lat").asDouble()).isCloseTo(wgs.lat(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(view.get("lon").asDouble()).isCloseTo(wgs.lon(), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void anAppealWithOnlyAnAddressIsAccepted() {
        Map<String, Object> form = appeal("只有地址没有坐标");
        form.remove("location");
        Api.Answer a = submit(form);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().get("created").asBoolean()).isTrue();
        JsonNode view = api.get("/api/v1/cases/" + a.text("number"), token("operator")).json();
        assertThat(view.get("address").asString()).isEqualTo("市中区广济路与君山东路交叉口");
        assertThat(view.get("lat").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- photos

    @Test
    void aTextFileNamedJpgIsRefusedAndNoCaseIsOpened() {
        Map<String, Object> form = appeal("伪装成照片的文本");
        byte[] text = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Api.Answer a = api.postMultipart(APPEALS, null, "appeal", form, "photos", Map.of("x.jpg", text));
        assertProblem(a, 422);
        assertThat(fields(a)).containsExactly("photos[0]");
        assertNoCaseWasOpenedFor(form);
    }

    @Test
    void aSixMegabytePhotoIs413AndNoCaseIsOpened() {
        Map<String, Object> form = appeal("照片太大");
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 7);
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        Api.Answer a = api.postMultipart(APPEALS, null, "appeal", form, "photos", Map.of("big.jpg", big));
        assertProblem(a, 413);
        assertNoCaseWasOpenedFor(form);
    }

    @Test
    void aPhotoJustOverTheFiveMegabyteLimitIs413NamingThePhoto() {
        Map<String, Object> form = appeal("照片略大");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        Api.Answer a = api.postMultipart(APPEALS, null, "appeal", form, "photos", Map.of("big.jpg", big));
        assertProblem(a, 413);
        assertThat(fields(a)).containsExactly("photos[0]");
        assertNoCaseWasOpenedFor(form);
    }

    // ---------------------------------------------------------------- cases and actions

    @Test
    void anUnknownCaseIs404() {
        assertProblem(api.get("/api/v1/cases/SZ-19990101-999999", token("operator")), 404);
        assertProblem(api.get("/api/v1/cases/SZ-19990101-999999/timeline", token("operator")), 404);
        assertProblem(api.post("/api/v1/cases/SZ-19990101-999999/actions/register", token("operator"), Map.of()), 404);
        assertProblem(api.get("/api/v1/cases/no-such-thing", token("operator")), 404);
    }

    @Test
    void anUnknownAttachmentIs404AndAMalformedIdIs400() {
        String number = submit(appeal("没有附件")).text("number");
        assertProblem(api.get("/api/v1/cases/" + number + "/attachments/987654321", token("operator")), 404);
        Api.Answer bad = api.get("/api/v1/cases/" + number + "/attachments/abc", token("operator"));
        assertProblem(bad, 400);
        assertThat(fields(bad)).containsExactly("id");
    }

    @Test
    void anActionTheStatusDoesNotAllowIsA409ThatSaysWhy() {
        String number = submit(appeal("状态不对")).text("number");
        assertThat(act("operator", number, "register", Map.of()).status()).isEqualTo(200);

        Api.Answer a = act("officer", number, "approve", Map.of());
        assertProblem(a, 409);
        assertThat(a.text("detail")).contains("已受理").contains("审核通过").doesNotContain("(");
        Api.Answer english = api.post("/api/v1/cases/" + number + "/actions/approve", token("officer"), Map.of(),
                Map.of("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));
        assertThat(english.text("detail")).contains("Registered").contains("Approve").doesNotContainPattern("\\p{IsHan}");
        assertThat(api.get("/api/v1/cases/" + number, token("operator")).json().get("status").asString())
                .isEqualTo("REGISTERED");
        assertThat(api.get("/api/v1/cases/" + number + "/timeline", token("operator")).json().size()).isEqualTo(2);
    }

    @Test
    void aDeclineWithoutReasonIs422OnReason() {
        String number = submit(appeal("缺少理由")).text("number");
        Api.Answer a = act("operator", number, "decline", Map.of());
        assertProblem(a, 422);
        assertThat(fields(a)).containsExactly("reason");
        Api.Answer blank = act("operator", number, "decline", Map.of("reason", " \u0000 "));
        assertProblem(blank, 422);
        assertThat(fields(blank)).containsExactly("reason");
        assertThat(api.get("/api/v1/cases/" + number, token("operator")).json().get("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void anAssignWithoutDepartmentOrToAnUnknownOneIs422() {
        String number = submit(appeal("派遣缺少部门")).text("number");
        act("operator", number, "register", Map.of());
        Api.Answer missing = act("dispatcher", number, "assign", Map.of());
        assertProblem(missing, 422);
        assertThat(fields(missing)).containsExactly("departmentId");
        Api.Answer unknown = act("dispatcher", number, "assign", Map.of("departmentId", 987654321L));
        assertProblem(unknown, 422);
        assertThat(fields(unknown)).containsExactly("departmentId");
        Api.Answer centre = act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZX")));
        assertProblem(centre, 422);
        assertThat(api.get("/api/v1/cases/" + number, token("operator")).json().get("status").asString())
                .isEqualTo("REGISTERED");
    }

    @Test
    void aMistypedActionBodyIs400() {
        String number = submit(appeal("操作参数类型错误")).text("number");
        act("operator", number, "register", Map.of());
        Api.Answer a = api.post("/api/v1/cases/" + number + "/actions/assign", token("dispatcher"),
                Map.of("departmentId", "ZFJ"));
        assertProblem(a, 400);
        assertThat(fields(a)).containsExactly("departmentId");
        Api.Answer broken = api.post("/api/v1/cases/" + number + "/actions/assign", token("dispatcher"), "{\"departmentId\":");
        assertProblem(broken, 400);
    }

    @ParameterizedTest(name = "unknown action slug {0} is 404")
    @ValueSource(strings = { "fly", "submit", "SIGN_", "assign--unit" })
    void anUnknownActionIs404(String slug) {
        String number = submit(appeal("未知操作")).text("number");
        Api.Answer a = act("operator", number, slug, Map.of());
        assertProblem(a, 404);
    }

    // ---------------------------------------------------------------- hostile text

    @Test
    void controlCharactersAreRemovedBeforeStoringAndLineBreaksKept() {
        Map<String, Object> form = appeal("控制字符\u0000测试\u0007");
        form.put("content", "第一行\u0000\u0001\u001b[31m\n第二行\t结束\u007f");
        form.put("address", "广济路\u0000一号");
        Api.Answer a = submit(form);
        assertThat(a.status()).as(a.body()).isEqualTo(201);

        JsonNode view = api.get("/api/v1/cases/" + a.text("number"), token("operator")).json();
        assertThat(view.get("title").asString()).isEqualTo("控制字符测试");
        assertThat(view.get("content").asString()).isEqualTo("第一行[31m\n第二行\t结束");
        assertThat(view.get("address").asString()).isEqualTo("广济路一号");

        // and in a note
        Api.Answer noted = act("operator", a.text("number"), "note", Map.of("text", "备注\u0000内容"));
        assertThat(noted.status()).as(noted.body()).isEqualTo(200);
        JsonNode last = api.get("/api/v1/cases/" + a.text("number") + "/timeline", token("operator")).json().get(1);
        assertThat(last.get("reason").asString()).isEqualTo("备注内容");
    }

    @Test
    void markupInTheTitleIsStoredAndReturnedVerbatimAsJsonText() {
        String title = "<script>alert(1)</script>";
        Api.Answer a = submit(appeal(title));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Api.Answer view = api.get("/api/v1/cases/" + a.text("number"), token("operator"));
        assertThat(view.contentType()).startsWith("application/json");
        assertThat(view.json().get("title").asString()).isEqualTo(title);
        Api.Answer pub = api.get("/api/v1/public/cases/" + a.text("number"), null,
                Map.of("X-Tracking-Token", a.text("trackingToken")));
        assertThat(pub.contentType()).startsWith("application/json");
        assertThat(pub.json().get("title").asString()).isEqualTo(title);
    }

    @Test
    void anSqlLookingTitleIsJustATitle() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "'; drop table cases_case; -- " + marker;
        Api.Answer a = submit(appeal(title));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/cases/" + a.text("number"), token("operator")).json().get("title").asString())
                .isEqualTo(title);

        // searching with it is harmless too, and the table is still there
        Api.Answer search = api.get("/api/v1/cases?q=" + java.net.URLEncoder.encode("'; drop table",
                StandardCharsets.UTF_8), token("operator"));
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("items").valueStream().map(i -> i.get("number").asString()))
                .contains(a.text("number"));
        Api.Answer next = submit(appeal("之后的诉求 " + marker));
        assertThat(next.status()).isEqualTo(201);
        Api.Answer byMarker = api.get("/api/v1/cases?q=" + marker, token("operator"));
        assertThat(byMarker.json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void searchingForTextWithUnderscoresOrPercentSignsFindsItLiterally() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "井盖_缺失 100% " + marker;
        String number = submit(appeal(title)).text("number");
        submit(appeal("井盖X缺失 100 " + marker));

        Api.Answer a = api.get("/api/v1/cases?q=" + java.net.URLEncoder.encode("井盖_缺失 100% " + marker,
                StandardCharsets.UTF_8), token("operator"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("items").valueStream().map(i -> i.get("number").asString()))
                .as("searching for the exact title").containsExactly(number);
    }

    @Test
    void listParametersOfTheWrongTypeAre400NotA500() {
        Api.Answer status = api.get("/api/v1/cases?status=NOPE", token("operator"));
        assertProblem(status, 400);
        assertThat(fields(status)).containsExactly("status");
        Api.Answer page = api.get("/api/v1/cases?page=abc", token("operator"));
        assertProblem(page, 400);
        assertThat(fields(page)).containsExactly("page");
        Api.Answer huge = api.get("/api/v1/cases?size=100000&page=-5", token("operator"));
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.json().get("size").asInt()).isEqualTo(100);
    }
}
