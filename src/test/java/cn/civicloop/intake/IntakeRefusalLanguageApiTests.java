package cn.civicloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * An appeal's fields are refused in the request's language only, over the API and on the residents' report page: the
 * form's checks are sentences of the bundles ({@code problem.intake.*}), each named by its field, never a
 * "中文 (English)" pair.
 */
class IntakeRefusalLanguageApiTests extends ApiTest {

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en-US,en;q=0.9");
    private static final Map<String, String> CHINESE = Map.of("Accept-Language", "zh-CN,zh;q=0.9");

    private static Map<String, Object> broken() {
        Map<String, Object> a = new HashMap<>(appeal("楼下烧烤油烟"));
        a.remove("channel");
        a.put("title", " ");
        a.put("address", "地".repeat(301));
        a.put("location", Map.of("lon", 117.55));
        a.put("contact", Map.of("name", "张三", "phone", "电话138"));
        a.put("externalRef", "T 1");
        return a;
    }

    private static Map<String, String> reasons(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        Map<String, String> byField = new HashMap<>();
        StreamSupport.stream(answer.json().get("errors").spliterator(), false)
                .forEach((JsonNode e) -> byField.put(e.get("field").asString(), e.get("reason").asString()));
        return byField;
    }

    @Test
    void everyFieldOfABrokenAppealIsNamedInChineseOnly() {
        Api.Answer zh = api.post("/api/v1/appeals", null, broken(), CHINESE);
        assertThat(reasons(zh)).containsAllEntriesOf(Map.of(
                "channel", "请选择来源渠道",
                "title", "请填写标题",
                "address", "地址最长 300 字",
                "location.lat", "缺少纬度",
                "contact.phone", "电话号码格式不正确：只能有数字、+、- 和空格",
                "externalRef", "外部编号只能包含字母、数字和 ._:/-"));
        assertThat(zh.text("detail")).isEqualTo("请求字段无效");
        assertThat(reasons(zh).values()).allSatisfy(r -> assertThat(r).doesNotContainPattern("[A-Za-z]{3,}")
                .doesNotContain("("));
    }

    @Test
    void everyFieldOfABrokenAppealIsNamedInEnglishOnly() {
        Api.Answer en = api.post("/api/v1/appeals", null, broken(), ENGLISH);
        assertThat(reasons(en)).containsAllEntriesOf(Map.of(
                "channel", "Choose the channel",
                "title", "Title is required",
                "address", "The address may hold at most 300 characters",
                "location.lat", "The latitude is required",
                "contact.phone", "A phone number holds only digits, +, - and spaces",
                "externalRef", "The external reference may hold only letters, digits and ._:/-"));
        for (String field : List.of("channel", "title", "address", "location.lat", "contact.phone", "externalRef")) {
            assertThat(reasons(en).get(field)).as(field).doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(en.text("detail")).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void theResidentsReportPageSaysWhatIsMissingInItsLanguage() {
        Map<String, String> blankTitle = Map.of("submissionId", UUID.randomUUID().toString(), "title", " ",
                "content", "楼下烧烤油烟很大", "address", "市中区光明路 18 号");
        PageSession english = PageSession.anonymous(port());
        english.get("/report?lang=en");
        String en = english.post("/report?lang=en", blankTitle).body();
        assertThat(en).contains("Title is required").doesNotContain("请填写标题");
        PageSession chinese = PageSession.anonymous(port());
        chinese.get("/report?lang=zh");
        String zh = chinese.post("/report?lang=zh", blankTitle).body();
        assertThat(zh).contains("请填写标题").doesNotContain("Title is required").doesNotContain("title is required");
    }

    @Test
    void aTooLongTitleOrContentIsSaidInEitherLanguage() {
        Map<String, Object> a = new HashMap<>(appeal("标".repeat(201)));
        a.put("content", "内".repeat(10_001));
        assertThat(reasons(api.post("/api/v1/appeals", null, a, ENGLISH))).containsEntry("title",
                "The title may hold at most 200 characters").containsEntry("content",
                "The content may hold at most 10000 characters");
        assertThat(reasons(api.post("/api/v1/appeals", null, a, CHINESE))).containsEntry("title", "标题最长 200 字")
                .containsEntry("content", "内容最长 10000 字");
    }
}
