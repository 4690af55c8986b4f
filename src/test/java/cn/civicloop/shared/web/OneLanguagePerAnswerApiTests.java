package cn.civicloop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * A refusal is answered in one language: the request's (?lang, the language cookie, or for the API the client's
 * Accept-Language), Chinese when nobody chose; never "中文 (English)".
 */
class OneLanguagePerAnswerApiTests extends ApiTest {

    private static final String ENGLISH = "en-US,en;q=0.9";

    @Test
    void aWrongTrackingCodeIsRefusedInTheLanguageAskedFor() {
        String path = "/api/v1/public/cases/SZ-20260101-000001";
        Api.Answer chinese = api.get(path, null, Map.of("X-Tracking-Token", "AAA-BBB-CCC"));
        assertThat(chinese.status()).isEqualTo(404);
        assertThat(chinese.text("detail")).isEqualTo("工单号或查询码不正确");

        Api.Answer english = api.get(path, null, Map.of("X-Tracking-Token", "AAA-BBB-CCC", "Accept-Language", ENGLISH));
        assertThat(english.text("detail")).isEqualTo("No case with this number and token");
        assertThat(api.get(path + "?lang=en", null, Map.of("X-Tracking-Token", "AAA-BBB-CCC")).text("detail"))
                .isEqualTo("No case with this number and token");
        // the site's own pages call the API in the page's language, whatever the browser's header says
        assertThat(api.get(path, null, Map.of("X-Tracking-Token", "AAA-BBB-CCC", "Accept-Language", ENGLISH,
                "Sec-Fetch-Site", "same-origin")).text("detail")).isEqualTo("工单号或查询码不正确");
    }

    @Test
    void fieldProblemsAndTheirArgumentsAreInTheSameLanguage() {
        String number = submit(appeal("井盖松动")).text("number");
        Api.Answer chinese = act("operator", number, "merge", Map.of("intoNumber", "SZ-20000101-000009"));
        assertThat(chinese.status()).isEqualTo(422);
        assertThat(chinese.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("目标工单不存在：SZ-20000101-000009");

        Api.Answer english = api.post("/api/v1/cases/" + number + "/actions/merge", api.login("operator"),
                Map.of("intoNumber", "SZ-20000101-000009"), Map.of("Accept-Language", ENGLISH));
        assertThat(english.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("No such target case: SZ-20000101-000009");
        assertThat(english.text("detail")).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void aLabelInsideAReasonIsReadInTheAnswersLanguage() {
        String number = submit(appeal("路面塌陷")).text("number");
        Api.Answer english = api.post("/api/v1/cases/" + number + "/actions/sign", api.login("zfj"), Map.of(),
                Map.of("Accept-Language", ENGLISH));
        assertThat(english.status()).isIn(403, 404, 409);
        assertThat(english.text("detail")).doesNotContainPattern("\\p{IsHan}").doesNotContain("(");
    }

    @Test
    void refusalsWrittenBeforeSpringMvcFollowTheRequestToo() {
        // the firewall refuses ";" in a URL before any controller: a filter's refusal
        Api.Answer english = api.get("/api/v1/cases;x=1", null, Map.of("Accept-Language", ENGLISH));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text("detail")).isEqualTo("The request URL contains characters that are not allowed");
        assertThat(api.get("/api/v1/cases;x=1", null).text("detail")).isEqualTo("请求地址包含不允许的字符");
    }
}
