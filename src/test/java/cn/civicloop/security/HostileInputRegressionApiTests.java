package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/** The defects the hostile-input properties found, each pinned by a plain example. */
class HostileInputRegressionApiTests extends ApiTest {

    private static void assertProblem(Api.Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void aTitleThatIsOnlyALoneSurrogateCountsAsMissing() {
        // was: 201, a case titled with a character UTF-8 cannot encode ('?' on PostgreSQL)
        String json = "{\"channel\":\"WEBSITE\",\"title\":\"\\ud800\",\"content\":\"\\udc00\\udc00\"}";
        Api.Answer a = api.postRaw("/api/v1/appeals", null, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(a.status()).as(a.body()).isBetween(400, 422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body()).contains("title");
    }

    @Test
    void aFileNameWithANulIsA400NotA500() {
        // was: 500, Tomcat's InvalidFileNameException reached the catch-all handler
        Api.Answer a = api.postMultipart("/api/v1/appeals", null, "appeal", appeal("坏文件名"), "photos",
                Map.of("a\u0000b.jpg", new byte[] { 1, 2, 3 }));
        assertProblem(a, 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a%2Fb", "a;b", "a%3Bb", "..%2F..%2Fadmin", "a%00b", "%C0%AF" })
    void aCaseNumberWithCharactersTheFirewallRefusesIsA400Problem(String number) {
        // was: Tomcat's HTML page for %2F and %00, Spring Boot's JSON shape for ';'
        Api.Answer a = api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", "x"));
        assertThat(a.status()).as(a.body()).isBetween(400, 404);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }
}
