package cn.civicloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base through its API: search ranked by relevance over the demo articles, bad queries, writing with
 * an allow-list and optimistic locking, approval by the centre, direct answers that record the article and version,
 * templates filled from the case, and the reply review's form-letter flag.
 */
class KnowledgeApiTests extends ApiTest {

    static final String BASE = "/api/v1/knowledge";

    private List<String> titles(String q) {
        Api.Answer a = api.get(BASE + "/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                api.login("operator"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("articles").valueStream().map(h -> h.get("title").asString()).toList();
    }

    private JsonNode created(String editor, Map<String, Object> body) {
        Api.Answer a = api.post(BASE + "/articles", api.login(editor), body);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static Map<String, Object> article(String title, String html) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("bodyHtml", html);
        body.put("category", "城乡建设");
        body.put("sourceDocument", "测试依据");
        return body;
    }

    private JsonNode approved(JsonNode article) {
        Api.Answer a = api.post(BASE + "/articles/" + article.get("id").asLong() + "/approve", api.login("kb"),
                Map.of("version", article.get("version").asInt()));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void theMostRelevantArticleComesFirstAndAnExpiredOneNever() {
        assertThat(titles("工地夜间施工噪音太吵睡不着").get(0)).isEqualTo("夜间施工噪音扰民怎么处理");
        assertThat(titles("路灯坏了不亮").get(0)).isEqualTo("路灯不亮、路灯损坏报修");
        assertThat(titles("政务服务中心几点上班").get(0)).isEqualTo("政务服务中心办公时间和地址");
        // the demo's 2025 heating allowance ended on 2025-12-31
        assertThat(titles("困难家庭供暖补贴申领")).isNotEmpty().doesNotContain("2025—2026 供暖季困难家庭供暖补贴申领");
    }

    @Test
    void emptyOneCharacterAndVeryLongQueriesAreAnsweredReadably() {
        String token = api.login("operator");
        Api.Answer empty = api.get(BASE + "/search?q=", token);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.contentType()).contains("application/problem+json");
        assertThat(empty.body()).contains("请输入要查找的内容");
        assertThat(api.get(BASE + "/search", token).status()).isEqualTo(422);

        Api.Answer one = api.get(BASE + "/search?q=%E8%B7%AF", token); // 路
        assertThat(one.status()).isEqualTo(200);
        Api.Answer symbols = api.get(BASE + "/search?q=%F0%9F%98%80%F0%9F%98%80", token); // two emoji
        assertThat(symbols.status()).isEqualTo(200);
        assertThat(symbols.json().get("searchable").asBoolean()).isFalse();
        assertThat(symbols.json().get("articles").size()).isZero();

        String longText = "夜间施工噪音扰民".repeat(625); // 5,000 characters
        Instant start = Instant.now();
        Api.Answer longQuery = api.post(BASE + "/search", token, Map.of("q", longText));
        assertThat(longQuery.status()).as(longQuery.body()).isEqualTo(200);
        assertThat(longQuery.json().get("articles").get(0).get("title").asString()).isEqualTo("夜间施工噪音扰民怎么处理");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        Api.Answer longGet = api.get(BASE + "/search?q=" + "a".repeat(5000), token);
        assertThat(longGet.status()).isEqualTo(200);
        Api.Answer tooLong = api.post(BASE + "/search", token, Map.of("q", "噪".repeat(10001)));
        assertThat(tooLong.status()).isEqualTo(422);
    }

    @Test
    void anArticleIsCleanedAndSuggestedOnlyOnceTheCentreApprovedIt() {
        JsonNode a = created("kb-zfj", article("测试条目：共享单车乱停放处置",
                "<p onclick=\"x()\">共享单车乱停放由运营企业清理<script>alert(1)</script></p>"
                        + "<a href=\"https://example.org/rule\">规则</a><img src=x onerror=alert(1)>"));
        String html = a.get("bodyHtml").asString();
        assertThat(html).contains("共享单车乱停放由运营企业清理").contains("href=\"https://example.org/rule\"")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("img").doesNotContain("onerror");
        assertThat(a.get("status").asString()).isEqualTo("PENDING");
        assertThat(a.get("departmentId").asLong()).isEqualTo(departmentId("ZFJ"));
        assertThat(titles("共享单车乱停放")).doesNotContain("测试条目：共享单车乱停放处置");

        Api.Answer selfApproval = api.post(BASE + "/articles/" + a.get("id").asLong() + "/approve",
                api.login("kb-zfj"), Map.of("version", 1));
        assertThat(selfApproval.status()).isEqualTo(403);
        JsonNode approved = approved(a);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("version").asInt()).isEqualTo(2);
        assertThat(titles("共享单车乱停放")).contains("测试条目：共享单车乱停放处置");
    }

    @Test
    void aLinkOfAnotherSchemeIsRefusedByName() {
        Api.Answer a = api.post(BASE + "/articles", api.login("kb-zfj"),
                article("测试条目：坏链接", "<p>看<a href=\"javascript:alert(1)\">这里</a></p>"));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body()).contains("javascript:alert(1)").contains("http");
        Api.Answer data = api.post(BASE + "/articles", api.login("kb-zfj"),
                article("测试条目：坏链接", "<p><a href=\"data:text/html,hi\">这里</a></p>"));
        assertThat(data.status()).isEqualTo(422);
    }

    @Test
    void twoEditorsChangingOneVersionTheSecondIsToldWhoWasFirst() {
        JsonNode a = created("kb", article("测试条目：并发编辑", "<p>第一版正文</p>"));
        long id = a.get("id").asLong();
        Map<String, Object> first = article("测试条目：并发编辑", "<p>甲改的正文</p>");
        first.put("version", 1);
        Map<String, Object> second = article("测试条目：并发编辑", "<p>乙改的正文</p>");
        second.put("version", 1);
        assertThat(api.put(BASE + "/articles/" + id, api.login("kb"), first).status()).isEqualTo(200);
        Api.Answer late = api.put(BASE + "/articles/" + id, api.login("kb"), second);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("宋雨").contains("第2版").contains("未保存");
        assertThat(api.get(BASE + "/articles/" + id, api.login("operator")).json().get("bodyHtml").asString())
                .contains("甲改的正文");
        JsonNode history = api.get(BASE + "/articles/" + id + "/history", api.login("operator")).json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(api.get(BASE + "/articles/" + id + "/versions/1", api.login("operator")).json().get("bodyHtml")
                .asString()).contains("第一版正文");
    }

    @Test
    void aDepartmentEditorWritesOnlyForHisDepartment() {
        JsonNode centre = created("kb", article("测试条目：中心的条目", "<p>中心条目正文</p>"));
        Map<String, Object> change = article("测试条目：被改", "<p>改</p>");
        change.put("version", centre.get("version").asInt());
        assertThat(api.put(BASE + "/articles/" + centre.get("id").asLong(), api.login("kb-zfj"), change).status())
                .isEqualTo(403);
        assertThat(api.post(BASE + "/articles", api.login("operator"), article("测试条目：受理员", "<p>x</p>")).status())
                .isEqualTo(403);
    }

    @Test
    void aDirectAnswerFromAnArticleRecordsTheArticleAndItsVersion() {
        JsonNode a = approved(created("kb", article("测试条目：门牌号申请", "<p>门牌号到所在街道办事处申请。</p>")));
        String number = submit(appeal("测试：门牌号怎么申请")).text("number");
        String operator = api.login("operator");
        Api.Answer stale = api.post(BASE + "/cases/" + number + "/answer", operator,
                Map.of("articleId", a.get("id").asLong(), "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("第2版");

        Api.Answer ok = api.post(BASE + "/cases/" + number + "/answer", operator,
                Map.of("articleId", a.get("id").asLong(), "version", 2));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("CLOSED");
        JsonNode recorded = api.get(BASE + "/cases/" + number + "/answer", operator).json();
        assertThat(recorded.get("articleId").asLong()).isEqualTo(a.get("id").asLong());
        assertThat(recorded.get("articleVersion").asInt()).isEqualTo(2);
        assertThat(recorded.get("answeredBy").asString()).isEqualTo("王芳");
        JsonNode view = api.get("/api/v1/cases/" + number, operator).json();
        assertThat(view.get("replyText").asString()).contains("门牌号到所在街道办事处申请").contains("测试依据");
        assertThat(api.post(BASE + "/cases/" + number + "/answer", api.login("zfj"),
                Map.of("articleId", a.get("id").asLong(), "version", 2)).status()).isEqualTo(403);
    }

    @Test
    void aTemplateIsFilledFromTheCase() {
        String number = submit(appeal("测试：模板填充")).text("number");
        act("operator", number, "register", Map.of());
        JsonNode filled = api.get(BASE + "/cases/" + number + "/templates?action=reply", api.login("operator")).json();
        assertThat(filled.size()).isPositive();
        assertThat(filled.get(0).get("text").asString()).contains(number).contains("测试：模板填充")
                .contains("市中区广济路与君山东路交叉口").doesNotContain("{工单号}");
    }

    @Test
    void theSameReplyToTwoDifferentAppealsIsFlaggedAsAFormLetter() {
        String reply = "您好，您反映的问题已收悉，我单位高度重视，将尽快安排人员处理，感谢您对我们工作的支持。";
        String first = replied("测试：幸福小区门口垃圾堆放无人清理", reply);
        String second = replied("测试：建设路井盖缺失存在安全隐患", reply);
        String officer = api.login("officer");
        Instant end = Instant.now().plusSeconds(20);
        JsonNode review = api.get(BASE + "/cases/" + second + "/review", officer).json();
        while (!review.path("formLetter").asBoolean() && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(100); // polling interval, not the proof: the loop ends on the flag
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            review = api.get(BASE + "/cases/" + second + "/review", officer).json();
        }
        assertThat(review.path("formLetter").asBoolean()).as("the first reply's print arrives").isTrue();
        assertThat(review.get("formLetterOf").asString()).isEqualTo(first);
        assertThat(review.get("promiseOnly").asBoolean()).isTrue();
        assertThat(review.get("promises").toString()).contains("将尽快");
    }

    private String replied(String title, String reply) {
        String number = submit(appeal(title)).text("number");
        long zfj = departmentId("ZFJ");
        assertThat(act("operator", number, "register", Map.of()).status()).isEqualTo(200);
        assertThat(act("dispatcher", number, "assign", Map.of("departmentId", zfj)).status()).isEqualTo(200);
        assertThat(act("zfj", number, "sign", Map.of()).status()).isEqualTo(200);
        assertThat(act("zfj", number, "reply", Map.of("text", reply)).status()).isEqualTo(200);
        return number;
    }
}
