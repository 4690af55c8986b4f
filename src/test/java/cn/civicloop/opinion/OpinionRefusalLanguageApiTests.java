package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * The opinion module's refusals — a source registered wrongly, an unsigned push, a bad row of an imported file — are
 * answered wholly in the request's language: English when {@code Accept-Language} puts English first, Chinese
 * otherwise, for the officer's pages and the vendors' machines alike.
 */
class OpinionRefusalLanguageApiTests extends ApiTest {

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en-US,en;q=0.9");
    private static final String CJK = "\\p{IsHan}";

    @Test
    void aSourceRegisteredWronglyIsRefusedInTheRequestsLanguage() {
        String officer = api.login("opinion");
        Map<String, Object> badCode = Map.of("code", "X", "name", "监测", "kind", "PUSH");
        Api.Answer zh = api.post("/api/v1/opinion/sources", officer, badCode);
        assertThat(zh.status()).isEqualTo(422);
        assertThat(reason(zh)).isEqualTo("代码为 2 至 63 个小写字母、数字或连字符");
        Api.Answer en = api.post("/api/v1/opinion/sources", officer, badCode, ENGLISH);
        assertThat(reason(en)).isEqualTo("A code is 2 to 63 lower-case letters, digits or hyphens");
        assertThat(en.body()).doesNotContainPattern(CJK);

        String code = "lang-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> source = Map.of("code", code, "name", "monitor", "kind", "IMPORT");
        assertThat(api.post("/api/v1/opinion/sources", officer, source).status()).isEqualTo(201);
        Api.Answer twice = api.post("/api/v1/opinion/sources", officer, source, ENGLISH);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("detail")).isEqualTo("A source with code " + code + " exists");
        assertThat(api.post("/api/v1/opinion/sources", officer, source).text("detail"))
                .isEqualTo("已有代码为 " + code + " 的来源");
    }

    @Test
    void anUnsignedPushIsRefusedInTheRequestsLanguage() {
        byte[] body = "{\"posts\":[]}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> unsigned = Map.of("X-Opinion-Timestamp", "1", "X-Opinion-Signature", "00");
        Api.Answer zh = api.postRaw("/api/v1/opinion/sources/no-such-vendor/posts", null, "application/json", body,
                unsigned);
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.text("detail")).isEqualTo("推送未经已登记来源的签名");
        Map<String, String> english = new java.util.HashMap<>(unsigned);
        english.putAll(ENGLISH);
        Api.Answer en = api.postRaw("/api/v1/opinion/sources/no-such-vendor/posts", null, "application/json", body,
                english);
        assertThat(en.text("detail")).isEqualTo("The push is not signed by a registered source");
        assertThat(en.body()).doesNotContainPattern(CJK);
    }

    @Test
    void aBadRowOfAnImportIsNamedByItsLineInTheRequestsLanguage() {
        String officer = api.login("opinion");
        String code = "lang-import-" + Long.toString(System.nanoTime(), 36);
        assertThat(api.post("/api/v1/opinion/sources", officer, Map.of("code", code, "name", "导入", "kind", "IMPORT"))
                .status()).isEqualTo(201);
        String now = java.time.OffsetDateTime.now().toString();
        byte[] csv = ("id,time,title,likes\r\n" + "a1," + now + ",road works,5\r\n" + "a2," + now + ",noise,many\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/opinion/sources/" + code + "/import";

        Api.Answer zh = api.postRaw(path, officer, "text/csv", csv, Map.of());
        assertThat(zh.status()).isEqualTo(422);
        assertThat(reason(zh)).isEqualTo("第 3 行：“many”不是数字");
        Api.Answer en = api.postRaw(path, officer, "text/csv", csv, ENGLISH);
        assertThat(reason(en)).isEqualTo("Line 3: “many” is not a number");
        assertThat(en.body()).doesNotContainPattern(CJK);

        byte[] noHeader = "title,likes\r\nroad works,5\r\n".getBytes(StandardCharsets.UTF_8);
        Api.Answer unreadable = api.postRaw(path, officer, "text/csv", noHeader, ENGLISH);
        assertThat(reason(unreadable)).startsWith("The file is not a readable CSV");
        assertThat(unreadable.body()).doesNotContainPattern(CJK);
    }

    private static String reason(Api.Answer answer) {
        return answer.json().get("errors").get(0).get("reason").asString();
    }
}
