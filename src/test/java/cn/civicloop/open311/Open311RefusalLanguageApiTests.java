package cn.civicloop.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * The Open311 server keeps the spec's error array, each description in the request's language: English when
 * {@code Accept-Language} puts English first, Chinese otherwise and without the header (ADR 0066). The clients'
 * administration answers problem details in one language too.
 */
class Open311RefusalLanguageApiTests extends ApiTest {

    private static final String CJK = "\\p{IsHan}";

    private Api.Answer post(Map<String, String> fields, String extra, Map<String, String> headers) {
        byte[] body = (Open311Client.encode(fields) + extra).getBytes(StandardCharsets.UTF_8);
        return api.postRaw(Open311Client.BASE + "/requests.json", null,
                "application/x-www-form-urlencoded; charset=utf-8", body, headers);
    }

    private static String description(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().isArray()).isTrue();
        assertThat(answer.json().get(0).get("code").asInt()).isEqualTo(status);
        return answer.json().get(0).get("description").asString();
    }

    @Test
    void anUnknownServiceIsDescribedInTheRequestsLanguage() {
        Map<String, String> fields = Open311Client.request("语言检查 " + UUID.randomUUID());
        fields.put("service_code", "没有这个类别");
        assertThat(description(post(fields, "", Map.of()), 404)).isEqualTo("没有该服务类别（service_code）");
        assertThat(description(post(fields, "", Map.of("Accept-Language", "zh-CN")), 404))
                .isEqualTo("没有该服务类别（service_code）");
        Api.Answer en = post(fields, "", Map.of("Accept-Language", "en-US,en;q=0.8,zh;q=0.5"));
        assertThat(description(en, 404)).isEqualTo("No such service_code");
        assertThat(en.body()).doesNotContainPattern(CJK);
    }

    @Test
    void aFieldGivenTwiceIsNamedWithItsReasonInOneLanguage() {
        Map<String, String> fields = Open311Client.request("语言检查 " + UUID.randomUUID());
        String twice = "&api_key=another-key";
        Api.Answer en = post(fields, twice, Map.of("Accept-Language", "en"));
        assertThat(description(en, 400)).isEqualTo("api_key: Give only one value");
        assertThat(en.body()).doesNotContainPattern(CJK);
        assertThat(description(post(fields, twice, Map.of()), 400)).isEqualTo("api_key: 只能给出一个值");
    }

    @Test
    void theClientsAdministrationRefusesInOneLanguage() {
        String admin = api.login("admin");
        Api.Answer en = api.post("/api/v1/admin/open311/clients/987654321/rotate", admin, Map.of(),
                Map.of("Accept-Language", "en"));
        assertThat(en.status()).isEqualTo(404);
        assertThat(en.text("detail")).isEqualTo("No such Open311 client");
        Api.Answer zh = api.post("/api/v1/admin/open311/clients/987654321/rotate", admin, Map.of());
        assertThat(zh.text("detail")).isEqualTo("没有该接入方");

        Api.Answer same = api.post("/api/v1/admin/open311/clients", admin, Map.of("name", "演示报事应用"),
                Map.of("Accept-Language", "en"));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("detail")).isEqualTo("A client of that name exists");
        assertThat(api.post("/api/v1/admin/open311/clients", admin, Map.of("name", "演示报事应用")).text("detail"))
                .isEqualTo("已有同名接入方");
    }
}
