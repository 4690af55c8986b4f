package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * The steps the system writes on a case (an extension granted, the closing after a satisfied follow-up, a merged
 * duplicate's reporter answering) read in one language: on the resident's tracking page, in the resident's API and
 * on the staff page, in English without a Chinese word and in Chinese as before; older rows holding the Chinese
 * sentence read the same way.
 */
class PublicRemarksLanguageTests extends ApiTest {

    private static final Pattern REMARK = Pattern.compile("class=\"timeline-remark\">([^<]*)</span>");
    private static final Pattern STEP = Pattern.compile("class=\"timeline-step\">([^<]*)</span>");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStepsOfAnExtendedCaseClosedAfterItsReportersAnsweredReadInTheReadersLanguage() {
        Api.Answer first = submit(appeal("光明路路灯不亮"));
        Map<String, Object> second = appeal("光明路路灯不亮，晚上很黑");
        second.put("channel", "WECHAT");
        second.put("contact", Map.of("name", "王五", "phone", "13900003333"));
        Api.Answer dup = submit(second);
        String number = first.text("number");
        String dupNumber = dup.text("number");
        assertThat(act("operator", dupNumber, "merge", Map.of("intoNumber", number)).status()).isEqualTo(200);
        step("operator", number, "register", Map.of());
        step("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ")));
        step("zfj", number, "sign", Map.of());
        step("zfj", number, "request-extension", Map.of("workingDays", 3, "reason", "需采购灯具"));
        step("dispatcher", number, "approve-extension", Map.of());
        step("zfj", number, "reply", Map.of("text", "已更换灯具"));
        step("officer", number, "approve", Map.of());
        answer(dup, "谢谢");
        Api.Answer closed = answer(first, null);
        assertThat(closed.text("status")).as("every reporter content: closed by the system").isEqualTo("CLOSED");

        List<String> english = remarks(trackPage(number, first.text("trackingToken"), "en"));
        assertThat(english).anyMatch(r -> r.matches(
                ": Handling time limit extended by 3 working days, to \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
        assertThat(english).contains(": Closed automatically after a follow-up rated satisfied");
        assertThat(english).filteredOn(r -> !r.contains("已更换灯具")).as("all but the department's own reply")
                .isNotEmpty().allSatisfy(r -> assertThat(r).doesNotContainPattern("\\p{IsHan}"));
        String englishPage = trackPage(dupNumber, dup.text("trackingToken"), "en");
        assertThat(englishPage).doesNotContain("办理期限延长", "自动办结", "EXTENSION_APPROVED", "AUTO_CLOSED")
                .contains(">System</span>");
        List<String> chinese = remarks(trackPage(number, first.text("trackingToken"), "zh_CN"));
        assertThat(chinese).anyMatch(r -> r.startsWith("：办理期限延长 3 个工作日，至 "));
        assertThat(chinese).contains("：群众回访评价满意，自动办结");

        JsonNode api = this.api.get("/api/v1/public/cases/" + number, null,
                Map.of("X-Tracking-Token", first.text("trackingToken"), "Accept-Language", "en")).json();
        assertThat(api.get("statusLabel").asString()).doesNotContainPattern("\\p{IsHan}");
        assertThat(api.get("channelLabel").asString()).isEqualTo("Government website");
        JsonNode close = entry(api, "CLOSE");
        assertThat(close.get("remark").asString()).isEqualTo("Closed automatically after a follow-up rated satisfied");
        assertThat(close.get("by").asString()).isEqualTo("System");
        assertThat(close.get("step").get("kind").asString()).isEqualTo("AUTO_CLOSED");
        for (JsonNode e : api.get("timeline")) {
            assertThat(e.get("actionLabel").asString() + e.get("statusLabel").asString()).as(e.toString())
                    .doesNotContainPattern("\\p{IsHan}");
        }

        String staffEnglish = PageSession.login(port(), "officer").get("/workbench/cases/" + number + "?lang=en")
                .body();
        assertThat(steps(staffEnglish)).contains("Resolved, satisfied (reporter of the merged case " + dupNumber + ")")
                .allSatisfy(s -> assertThat(s).doesNotContainPattern("\\p{IsHan}"));
        String staffChinese = PageSession.login(port(), "officer").get("/workbench/cases/" + number + "?lang=zh_CN")
                .body();
        assertThat(steps(staffChinese)).contains("已解决，满意（并入件 " + dupNumber + " 的诉求人）");
        JsonNode answered = this.api.get("/api/v1/cases/" + number + "/timeline", this.api.login("officer")).json()
                .valueStream().filter(e -> e.get("action").asString().equals("FOLLOW_UP")).findFirst().orElseThrow();
        assertThat(answered.get("reason").asString()).as("the note is the resident's words only")
                .isEqualTo("FOLLOW_UP_ANSWERED[true|SATISFIED|" + dupNumber + "]: 谢谢");
    }

    @Test
    void olderRowsHoldingTheChineseSentenceReadInEnglishToo() {
        Api.Answer s = submit(appeal("建设北路井盖缺失"));
        String number = s.text("number");
        long caseId = jdbc.sql("select id from cases_case where number = ?").param(number).query(Long.class).single();
        older(caseId, "TRIAGE_OFFICER", "APPROVE_EXTENSION", "办理期限延长 5 个工作日，至 2026-12-21 17:00；请抓紧");
        older(caseId, "SYSTEM", "CLOSE", "群众回访评价基本满意，自动办结");
        older(caseId, "OPERATOR", "CLOSE", "群众回访评价满意，自动办结");

        List<String> english = remarks(trackPage(number, s.text("trackingToken"), "en"));
        assertThat(english).contains(
                ": Handling time limit extended by 5 working days, to 2026-12-21 17:00: 请抓紧",
                ": Closed automatically after a follow-up rated basically satisfied",
                ": 群众回访评价满意，自动办结");
        List<String> chinese = remarks(trackPage(number, s.text("trackingToken"), "zh_CN"));
        assertThat(chinese).contains("：办理期限延长 5 个工作日，至 2026-12-21 17:00：请抓紧", "：群众回访评价基本满意，自动办结");
    }

    @Test
    void aRequiredTextIsNamedInTheReadersLanguage() {
        String number = submit(appeal("不予受理须说明理由")).text("number");
        Api.Answer english = api.post("/api/v1/cases/" + number + "/actions/decline", api.login("operator"),
                Map.of("reason", " "), Map.of("Accept-Language", "en"));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("Please fill in the reason for not accepting the appeal");
        assertThat(english.text("detail")).doesNotContainPattern("\\p{IsHan}");
        Api.Answer chinese = act("operator", number, "decline", Map.of("reason", " "));
        assertThat(chinese.json().get("errors").get(0).get("reason").asString()).isEqualTo("请填写不予受理的理由");
    }

    private void older(long caseId, String role, String action, String reason) {
        jdbc.sql("""
                insert into cases_timeline (case_id, occurred_at, actor_name, actor_role, action, from_status,
                    to_status, reason, public_entry)
                values (?, ?, '系统', ?, ?, 'SUBMITTED', 'SUBMITTED', ?, true)""")
                .params(caseId, Timestamp.from(Instant.now()), role, action, reason).update();
    }

    private void step(String user, String number, String action, Map<String, Object> body) {
        Api.Answer a = act(user, number, action, body);
        assertThat(a.status()).as(action + ": " + a.body()).isEqualTo(200);
    }

    private Api.Answer answer(Api.Answer reporter, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("resolved", true, "satisfaction", "SATISFIED"));
        if (comment != null) {
            body.put("comment", comment);
        }
        Api.Answer a = api.post("/api/v1/public/cases/" + reporter.text("number") + "/follow-up", null, body,
                Map.of("X-Tracking-Token", reporter.text("trackingToken")));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    private String trackPage(String number, String token, String lang) {
        PageSession page = PageSession.anonymous(port());
        page.get("/track");
        var shown = page.post("/track?lang=" + lang, Map.of("number", number, "token", token));
        assertThat(shown.statusCode()).isEqualTo(200);
        return shown.body();
    }

    private static JsonNode entry(JsonNode view, String action) {
        return view.get("timeline").valueStream().filter(e -> e.get("action").asString().equals(action))
                .findFirst().orElseThrow();
    }

    private static List<String> remarks(String page) {
        return all(REMARK, page);
    }

    private static List<String> steps(String page) {
        return all(STEP, page);
    }

    private static List<String> all(Pattern p, String page) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(page);
        while (m.find()) {
            found.add(m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return found;
    }
}
