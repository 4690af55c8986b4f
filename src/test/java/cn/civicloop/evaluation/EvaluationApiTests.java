package cn.civicloop.evaluation;

import static cn.civicloop.support.CaseSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.evaluation.internal.Backfill;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation API on real cases: their events become facts of the department holding them, an objection takes a
 * case out of the named indicators only, a published period never changes, and who may do what.
 */
class EvaluationApiTests extends ApiTest {

    static final String OFFICE = "evaluation";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Backfill backfill;
    static final String BASE = "/api/v1/evaluation";

    /** Today and the next 30 days: the period of the case's facts (deadlines may fall on later days). */
    private static String period() {
        LocalDate today = LocalDate.ofInstant(Instant.now(), DistrictTime.ZONE);
        return today.minusDays(1) + ".." + today.plusDays(30);
    }

    private String closedCase(String title) {
        String number = submit(appeal(title)).text("number");
        long zfj = departmentId("ZFJ");
        for (Object[] step : new Object[][] {{"operator", "register", Map.of()},
                {"dispatcher", "assign", Map.of("departmentId", zfj)}, {"zfj", "sign", Map.of()},
                {"zfj", "reply", Map.of("text", "已处理")}, {"officer", "reject", Map.of("reason", "未附照片")},
                {"zfj", "reply", Map.of("text", "已处理，附照片")}, {"officer", "approve", Map.of()},
                {"officer", "follow-up", Map.of("resolved", true, "satisfaction", "BASICALLY_SATISFIED")},
                {"officer", "close", Map.of()}}) {
            @SuppressWarnings("unchecked")
            Api.Answer a = act((String) step[0], number, (String) step[1], (Map<String, Object>) step[2]);
            assertThat(a.status()).as(step[1] + ": " + a.body()).isEqualTo(200);
        }
        return number;
    }

    private List<String> drill(String user, long department, String indicator, int term) {
        Api.Answer a = ok(api.get(BASE + "/periods/" + period() + "/subjects/DEPARTMENT/" + department
                + "/cases?indicator=" + indicator + "&term=" + term, api.login(user)));
        return a.json().get("rows").valueStream().map(r -> r.get("caseNumber").asString()).toList();
    }

    private static void await(BooleanSupplier condition, String what) {
        await(condition, what, Duration.ofSeconds(20));
    }

    private static void await(BooleanSupplier condition, String what, Duration limit) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(end);
            try {
                Thread.sleep(100); // polling interval, not the proof: the loop ends on the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCaseBecomesFactsOfTheDepartmentHoldingIt() {
        String number = closedCase("考评测试：路灯不亮");
        long zfj = departmentId("ZFJ");
        await(() -> drill(OFFICE, zfj, "SATISFIED", 1).contains(number), "the follow-up fact");
        // signed at once: one signing deadline, met
        assertThat(drill(OFFICE, zfj, "RESPONSE", 0)).contains(number);
        // two replies, the first sent back: counted once in count(REPLY, hit), twice in count(REPLY)
        await(() -> drill(OFFICE, zfj, "REWORK", 0).contains(number), "the rework");
        assertThat(drill(OFFICE, zfj, "REWORK", 0).stream().filter(number::equals)).hasSize(1);
        assertThat(drill(OFFICE, zfj, "REWORK", 1).stream().filter(number::equals)).hasSize(2);
        // basically satisfied: in count(FOLLOW_UP, basic) (term 1), not in count(FOLLOW_UP, satisfied) (term 0)
        assertThat(drill(OFFICE, zfj, "SATISFIED", 0)).doesNotContain(number);
        assertThat(drill(OFFICE, zfj, "RESOLVED", 0)).contains(number);
        assertThat(drill(OFFICE, zfj, "ACCURATE", 0)).contains(number);
        // the department reads its own cases, not another department's
        assertThat(drill("zfj", zfj, "RESOLVED", 0)).contains(number);
        assertThat(api.get(BASE + "/periods/" + period() + "/subjects/DEPARTMENT/" + departmentId("YJJ")
                + "/cases?indicator=RESOLVED", api.login("zfj")).status()).isEqualTo(403);
    }

    @Test
    void anAcceptedObjectionTakesTheCaseOutOfTheNamedIndicatorsOnly() {
        String number = closedCase("考评测试：申诉");
        long zfj = departmentId("ZFJ");
        await(() -> drill(OFFICE, zfj, "SATISFIED", 2).contains(number), "the follow-up fact");
        Map<String, Object> filing = Map.of("caseNumber", number, "indicators", List.of("SATISFIED"),
                "reasonKind", "UNREASONABLE_DEMAND", "reason", "诉求人要求超出政策范围", "evidence", "政策文件第3条");
        // another department may not object for this case; nor may the office or a leader file one
        assertThat(api.post(BASE + "/objections", api.login("yjj"), filing).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/objections", api.login("leader"), filing).status()).isEqualTo(403);
        Api.Answer refusedInput = api.post(BASE + "/objections", api.login("zfj"), Map.of("caseNumber", number,
                "indicators", List.of("SATISFIED"), "reasonKind", "UNREASONABLE_DEMAND", "reason", " "));
        assertThat(refusedInput.status()).isEqualTo(422);
        assertThat(refusedInput.contentType()).startsWith("application/problem+json");

        JsonNode filed = ok(api.post(BASE + "/objections", api.login("zfj"), filing)).json();
        long id = filed.get("id").asLong();
        assertThat(filed.get("status").asString()).isEqualTo("PENDING");
        // still counted while pending
        assertThat(drill(OFFICE, zfj, "SATISFIED", 2)).contains(number);
        // only the office decides, with a reason
        assertThat(api.post(BASE + "/objections/" + id + "/decision", api.login("leader"),
                Map.of("accept", true, "reason", "同意")).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/objections/" + id + "/decision", api.login(OFFICE),
                Map.of("accept", true, "reason", "")).status()).isEqualTo(422);
        JsonNode decided = ok(api.post(BASE + "/objections/" + id + "/decision", api.login(OFFICE),
                Map.of("accept", true, "reason", "经核实诉求不合理"))).json();
        assertThat(decided.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(decided.get("decidedBy").asString()).isEqualTo(OFFICE);
        assertThat(api.post(BASE + "/objections/" + id + "/decision", api.login(OFFICE),
                Map.of("accept", false, "reason", "再议")).status()).isEqualTo(409);
        // out of 满意率 (every count of it), still in 解决率
        assertThat(drill(OFFICE, zfj, "SATISFIED", 2)).doesNotContain(number);
        assertThat(drill(OFFICE, zfj, "SATISFIED", 1)).doesNotContain(number);
        assertThat(drill(OFFICE, zfj, "RESOLVED", 1)).contains(number);
        // the history is visible to the department: filed, then accepted, with who and why
        List<JsonNode> history = ok(api.get(BASE + "/objections/" + id + "/history", api.login("zfj"))).json()
                .valueStream().toList();
        assertThat(history).extracting(h -> h.get("change").asString()).containsExactly("FILED", "ACCEPTED");
        assertThat(history.get(1).get("actor").asString()).isEqualTo(OFFICE);
        assertThat(history.get(1).get("detail").asString()).contains("经核实诉求不合理");
        // a refused objection changes nothing
        long other = ok(api.post(BASE + "/objections", api.login("zfj"), Map.of("caseNumber", number,
                "indicators", List.of("RESOLVED"), "reasonKind", "FORCE_MAJEURE", "reason", "暴雨"))).json()
                .get("id").asLong();
        assertThat(ok(api.post(BASE + "/objections/" + other + "/decision", api.login(OFFICE),
                Map.of("accept", false, "reason", "不属不可抗力"))).json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(drill(OFFICE, zfj, "RESOLVED", 1)).contains(number);
    }

    @Test
    void aPublishedVersionNeverChangesAndACorrectionIsTheNextVersion() {
        String number = closedCase("考评测试：发布");
        long zfj = departmentId("ZFJ");
        await(() -> drill(OFFICE, zfj, "SATISFIED", 2).contains(number), "the follow-up fact");
        String office = api.login(OFFICE);
        String p = period();
        assertThat(api.post(BASE + "/periods/" + p + "/draft", api.login("zfj-head"), Map.of()).status()).isEqualTo(403);
        ok(api.post(BASE + "/periods/" + p + "/draft", office, Map.of()));
        JsonNode v1 = ok(api.post(BASE + "/periods/" + p + "/publish", office, Map.of())).json();
        assertThat(v1.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.post(BASE + "/periods/" + p + "/publish", office, Map.of()).status()).isEqualTo(409);
        String subject = BASE + "/periods/" + p + "/subjects/DEPARTMENT/" + zfj;
        String before = ok(api.get(subject, api.login("leader"))).json().get("figures").toString();
        assertThat(before).contains("SATISFIED");

        JsonNode satisfied = ok(api.get(BASE + "/indicators", office)).json().valueStream()
                .filter(i -> i.get("code").asString().equals("SATISFIED")).findFirst().orElseThrow();
        Map<String, Object> change = new java.util.HashMap<>(Map.of("nameZh", "满意率", "nameEn", "Satisfied",
                "formula", "(count(FOLLOW_UP, satisfied) + count(FOLLOW_UP, basic)) / count(FOLLOW_UP)",
                "direction", "HIGHER", "unit", "PERCENT", "reason", "基本满意按满意计"));
        try {
            assertThat(api.put(BASE + "/indicators/SATISFIED", api.login("leader"), change).status()).isEqualTo(403);
            Api.Answer bad = api.put(BASE + "/indicators/SATISFIED", office,
                    Map.of("nameZh", "满意率", "nameEn", "Satisfied", "formula", "count(FOLLOW_UP, happy)",
                            "direction", "HIGHER", "unit", "PERCENT", "reason", "x"));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body()).contains("happy");
            JsonNode edited = ok(api.put(BASE + "/indicators/SATISFIED", office, change)).json();
            assertThat(edited.get("version").asInt()).isEqualTo(satisfied.get("version").asInt() + 1);
            ok(api.post(BASE + "/periods/" + p + "/draft", office, Map.of()));
            // the published version reads as before; the draft is version 2 with the new formula
            assertThat(ok(api.get(subject, api.login("leader"))).json().get("figures").toString()).isEqualTo(before);
            JsonNode draft = ok(api.get(subject + "?draft=true", office)).json();
            assertThat(draft.get("snapshot").get("version").asInt()).isEqualTo(v1.get("version").asInt() + 1);
            assertThat(draft.get("figures").toString()).contains("count(FOLLOW_UP, basic)) / count(FOLLOW_UP)");
            // a department reads published results, not drafts
            assertThat(api.get(subject + "?draft=true", api.login("zfj")).status()).isEqualTo(403);
            ok(api.post(BASE + "/periods/" + p + "/publish", office, Map.of()));
            List<JsonNode> versions = ok(api.get(BASE + "/periods/" + p + "/versions", office)).json()
                    .valueStream().toList();
            assertThat(versions).extracting(v -> v.get("status").asString()).containsExactly("PUBLISHED", "PUBLISHED");
            assertThat(ok(api.get(subject, api.login("leader"))).json().get("snapshot").get("version").asInt())
                    .isEqualTo(v1.get("version").asInt() + 1);
            assertThat(ok(api.get(BASE + "/indicators/SATISFIED/history", office)).json().size()).isGreaterThanOrEqualTo(2);
        } finally {
            change.put("formula", satisfied.get("formulaText").asString());
            change.put("reason", "恢复");
            ok(api.put(BASE + "/indicators/SATISFIED", office, change));
        }
    }

    @Test
    void aWeightSetThatDoesNotSumToOneIsRefusedWithItsSum() {
        String office = api.login(OFFICE);
        Api.Answer refused = api.put(BASE + "/weights/STREET", office,
                Map.of("weights", Map.of("RESPONSE", 0.1, "RESOLVED", 0.5, "SATISFIED", 0.3), "reason", "试算"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("0.9");
        assertThat(api.put(BASE + "/weights/STREET", office,
                Map.of("weights", Map.of("OVERDUE", 1), "reason", "试算")).status()).isEqualTo(422);
        JsonNode set = ok(api.put(BASE + "/weights/GRID", office,
                Map.of("weights", Map.of("RESOLVED", 0.6, "SATISFIED", 0.4), "reason", "网格不考签收"))).json();
        assertThat(set.get("RESOLVED").asDouble()).isEqualTo(0.6);
        assertThat(set.has("RESPONSE")).isFalse();
        assertThat(api.put(BASE + "/weights/GRID", api.login("leader"),
                Map.of("weights", Map.of("RESOLVED", 1), "reason", "x")).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/periods/2026-13/ranking", office).status()).isEqualTo(422);
        assertThat(api.get(BASE + "/indicators", api.login("admin")).status()).isEqualTo(403);
    }

    @Test
    void policeBlocksAreReadByTheOfficeAndLeadersOnly() {
        assertThat(ok(api.get(BASE + "/periods/2026-03/police-blocks", api.login(OFFICE))).json().isArray()).isTrue();
        assertThat(ok(api.get(BASE + "/periods/2026-03/police-blocks", api.login("leader"))).json().isArray())
                .isTrue();
        assertThat(api.get(BASE + "/periods/2026-03/police-blocks", api.login("zfj")).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/periods/2026-3x/police-blocks", api.login(OFFICE)).status()).isEqualTo(422);
    }

    @Test
    void theBackfillGivesACaseOlderThanTheModuleTheFactsItsEventsWouldHaveGivenOnce() {
        String number = closedCase("考评测试：补录");
        long zfj = departmentId("ZFJ");
        await(() -> drill(OFFICE, zfj, "SATISFIED", 1).contains(number), "the follow-up fact");
        // the listeners run each event in a transaction of their own and in any order: the rework's mark on the
        // earlier reply may land after the follow-up's fact, so every publication of the case must be complete
        await(() -> incompletePublications(number) == 0, "every event of the case handled", Duration.ofSeconds(60));
        List<String> recorded = facts(number);
        // as if the case were older than the module: no facts
        jdbc.sql("delete from evaluation_fact where case_number = ?").param(number).update();
        assertThat(drill(OFFICE, zfj, "SATISFIED", 1)).doesNotContain(number);
        String office = api.login(OFFICE);
        assertThat(api.post(BASE + "/backfill", api.login("zfj"), Map.of("reason", "补录")).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/backfill", office, Map.of("reason", " ")).status()).isEqualTo(422);

        backfillOnce(office);
        List<String> backfilled = facts(number);
        // the events' facts again, but for the one the case no longer shows: the handling deadline of the round
        // before the rework (a case keeps the current clock of each stage only)
        assertThat(recorded).containsAll(backfilled);
        assertThat(recorded.stream().filter(f -> !backfilled.contains(f)).toList())
                .hasSizeLessThanOrEqualTo(1).allMatch(f -> f.contains("/HANDLE/"));
        assertThat(backfilled).anyMatch(f -> f.contains("/HANDLE/")).anyMatch(f -> f.contains("/RESPONSE/"))
                .anyMatch(f -> f.contains("/FOLLOW_UP/") && f.contains("BASICALLY_SATISFIED"));
        assertThat(drill(OFFICE, zfj, "SATISFIED", 1)).contains(number);
        // a second run adds nothing: the facts' source keys are unique
        backfillOnce(office);
        assertThat(facts(number)).isEqualTo(backfilled);
        JsonNode progress = ok(api.get(BASE + "/backfill", api.login("leader"))).json();
        assertThat(progress.get("requestedBy").asString()).isEqualTo(OFFICE);
        assertThat(progress.get("casesRead").asLong()).isPositive();
    }

    private long incompletePublications(String number) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event "
                + "like ?").param("%\"" + number + "\"%").query(Long.class).single();
    }

    /** Asks for a backfill through the API and waits for the scheduler's run to finish. */
    private void backfillOnce(String office) {
        Api.Answer accepted = api.post(BASE + "/backfill", office, Map.of("reason", "模块上线前的工单补录考评事实"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        Instant asked = Instant.now();
        await(() -> {
            Backfill.Progress p = backfill.progress();
            return "DONE".equals(p.status()) && p.finishedAt() != null && !p.finishedAt().isBefore(asked.minusSeconds(1))
                    && p.requestedAt() != null && !p.requestedAt().isAfter(p.finishedAt());
        }, "the backfill to finish", Duration.ofSeconds(90));
    }

    /** The case's facts as source, hit and outcome, in source order. */
    private List<String> facts(String number) {
        return jdbc.sql("select source, hit, outcome, department_id, fact_day from evaluation_fact"
                + " where case_number = ? order by source").param(number)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getBoolean(2) + "|" + rs.getString(3) + "|"
                        + rs.getLong(4) + "|" + rs.getDate(5))
                .list();
    }

    @Test
    void publishingWithoutADraftOnThePageSaysWhyInTheReadersLanguageOnly() {
        PageSession office = PageSession.login(port(), OFFICE);
        assertThat(publishRefused(office, "en")).endsWith(">No draft of 2019-01 to publish: compute the period first")
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(publishRefused(office, "zh")).endsWith(">此时段没有待发布的草稿，请先计算：2019-01")
                .doesNotContain("draft").doesNotContain("(");
    }

    /** The reason the page gives for publishing 2019-01 (never computed), in the language {@code lang}. */
    private static String publishRefused(PageSession office, String lang) {
        office.get("/evaluation?lang=" + lang + "&period=2019-01");
        var answer = office.post("/evaluation/periods?lang=" + lang, Map.of("period", "2019-01", "step", "publish"));
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String page = office.get(location + "&lang=" + lang).body();
        String error = page.substring(page.indexOf("id=\"error\""));
        return error.substring(0, error.indexOf("</p>"));
    }
}
