package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;

/**
 * The case list's ways of reading only what it shows (docs/cases.md, "At scale"): pages go on by the keyset cursor
 * without gaps or repeats, a case number is found exactly (whole or without the district prefix), text is found in
 * the resident's text through the search terms, open and ended work are listed apart, and the workbench's default
 * queue of a department is its open work.
 */
class CaseListAtScaleApiTests extends ApiTest {

    private final String marker = "规模" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCursorWalksEveryMatchingCaseOnceNewestFirst() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(0, number(submit(appeal(marker + " 第" + i + "件"))));
        }
        String token = api.login("operator");
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Api.Answer page = api.get("/api/v1/cases?size=2&q=" + enc(marker) + (after == null ? "" : "&after=" + after),
                    token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("total").asLong()).isEqualTo(5);
            assertThat(page.json().get("more").asBoolean()).isFalse();
            page.json().get("items").valueStream().forEach(i -> walked.add(i.get("number").asString()));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (after != null && pages < 10);
        assertThat(walked).containsExactlyElementsOf(submitted);
        Api.Answer refused = api.get("/api/v1/cases?after=not-a-cursor", token);
        assertThat(refused.status()).as("a cursor not made by the list").isEqualTo(422);
        assertThat(refused.body()).contains("after");
    }

    @Test
    void aCaseNumberIsFoundExactlyWithOrWithoutTheDistrictPrefix() {
        String number = number(submit(appeal(marker + " 编号查找")));
        String token = api.login("operator");
        assertThat(numbers(api.get("/api/v1/cases?q=" + number, token))).containsExactly(number);
        String withoutPrefix = number.substring(number.indexOf('-') + 1);
        assertThat(numbers(api.get("/api/v1/cases?q=" + withoutPrefix, token))).containsExactly(number);
    }

    @Test
    void wordsOfTheResidentsTextAreFoundThroughTheSearchTerms() {
        Map<String, Object> appeal = appeal(marker + " 路灯");
        appeal.put("content", "晚上广场舞音响噪音很大，" + marker + "尤其是周末");
        String number = number(submit(appeal));
        submit(appeal(marker + " 另一件"));
        String token = api.login("operator");
        assertThat(numbers(api.get("/api/v1/cases?q=" + enc("噪音很大，" + marker), token))).containsExactly(number);
        assertThat(numbers(api.get("/api/v1/cases?q=" + enc("噪音很小，" + marker), token))).isEmpty();
        // words typed apart are each looked for, in any order
        assertThat(numbers(api.get("/api/v1/cases?q=" + enc(marker + " 广场舞　噪音"), token))).containsExactly(number);
        assertThat(numbers(api.get("/api/v1/cases?q=" + enc("噪音 " + marker + " 广场舞"), token))).containsExactly(number);
        assertThat(numbers(api.get("/api/v1/cases?q=" + enc(marker + " 广场舞 停水"), token))).isEmpty();
    }

    @Test
    void aSearchByWordsCountsItsFirst200HitsAndTheCursorStillReachesEveryOne() {
        String first = number(submit(appeal(marker + " 计数上限")));
        // 205 more cases holding the words: copies of the row, so that no intake of 205 appeals is needed
        List<String> columns = jdbc.sql("select column_name from information_schema.columns"
                        + " where lower(table_name) = 'cases_case' and lower(column_name) not in ('id', 'number', 'external_ref')")
                .query(String.class).list();
        String copied = String.join(", ", columns);
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        for (int i = 0; i < 205; i++) {
            jdbc.sql("insert into cases_case (number, " + copied + ") select :number, " + copied
                            + " from cases_case where number = :first")
                    .param("number", "T" + tag + "-" + i).param("first", first).update();
        }
        String token = api.login("operator");
        Api.Answer words = api.get("/api/v1/cases?size=100&q=" + enc(marker + " 计数上限"), token);
        assertThat(words.status()).as(words.body()).isEqualTo(200);
        assertThat(words.json().get("total").asLong()).isEqualTo(CaseQueries.CasePage.WORDS_COUNT_LIMIT);
        assertThat(words.json().get("more").asBoolean()).isTrue();
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Api.Answer page = api.get("/api/v1/cases?size=100&q=" + enc(marker + " 计数上限")
                    + (after == null ? "" : "&after=" + after), token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").valueStream().forEach(i -> walked.add(i.get("number").asString()));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (after != null && pages < 10);
        assertThat(walked).hasSize(206).doesNotHaveDuplicates().contains(first);
        // the same cases found by a case number count exactly
        Api.Answer byNumber = api.get("/api/v1/cases?q=" + first, token);
        assertThat(byNumber.json().get("total").asLong()).isEqualTo(1);
        assertThat(byNumber.json().get("more").asBoolean()).isFalse();
    }

    @Test
    void openAndEndedWorkAreListedApartAndADepartmentsQueueOpensOnItsOpenWork() {
        String open = number(submit(appeal(marker + " 在办")));
        String declined = number(submit(appeal(marker + " 不予受理")));
        Api.Answer decline = act("operator", declined, "decline", Map.of("reason", "不属于受理范围"));
        assertThat(decline.status()).as(decline.body()).isEqualTo(200);
        String token = api.login("operator");
        assertThat(numbers(api.get("/api/v1/cases?work=OPEN&q=" + enc(marker), token))).containsExactly(open);
        assertThat(numbers(api.get("/api/v1/cases?work=ENDED&q=" + enc(marker), token))).containsExactly(declined);
        assertThat(numbers(api.get("/api/v1/cases?q=" + enc(marker), token))).containsExactlyInAnyOrder(open, declined);

        PageSession operator = PageSession.login(port(), "operator");
        String all = operator.get("/workbench/cases/list?queue=all").body();
        String ended = operator.get("/workbench/cases/list?queue=ended").body();
        assertThat(all).contains(open).doesNotContain(declined);
        assertThat(ended).contains(declined).doesNotContain(open);
        assertThat(operator.get("/workbench/cases/list?queue=all&q=" + enc(declined)).body())
                .as("a search in the open queue still finds an ended case").contains(declined);
    }

    private static String number(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.text("number");
    }

    private static List<String> numbers(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("items").valueStream().map(i -> i.get("number").asString()).toList();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
