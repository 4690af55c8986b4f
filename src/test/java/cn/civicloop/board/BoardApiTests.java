package cn.civicloop.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The public board shows anonymised cases and nothing personal: seeded with a name, a phone and an exact address in
 * the resident's words and in the department's reply, its page and JSON must not contain any of them; opted-out and
 * sensitive cases never appear.
 */
class BoardApiTests extends ApiTest {

    static final String NAME = "欧阳明远";
    static final String PHONE = "13912345678";
    static final String ADDRESS = "市中区光明路18号3单元502室";

    private Map<String, Object> appeal(String title, String name, Boolean publish) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("channel", "WEBSITE");
        a.put("externalRef", "B-" + UUID.randomUUID());
        a.put("kind", "COMPLAINT");
        a.put("title", title);
        a.put("content", title + "，我是" + name + "，电话" + PHONE + "，住" + ADDRESS + "。");
        a.put("address", ADDRESS);
        a.put("location", Map.of("lat", 34.8597, "lon", 117.5546));
        a.put("contact", Map.of("name", name, "phone", PHONE));
        if (publish != null) {
            a.put("publish", publish);
        }
        return a;
    }

    private String closed(String number, String name) {
        long zfj = departmentId("ZFJ");
        for (Object[] step : new Object[][] {{"operator", "register", Map.of()},
                {"dispatcher", "assign", Map.of("departmentId", zfj)}, {"zfj", "sign", Map.of()},
                {"zfj", "reply", Map.of("text", "已联系" + name + "（" + PHONE + "），光明路18号3单元502室门前管道已疏通。")},
                {"officer", "approve", Map.of()},
                {"officer", "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED")},
                {"officer", "close", Map.of()}}) {
            @SuppressWarnings("unchecked")
            Api.Answer a = act((String) step[0], number, (String) step[1], (Map<String, Object>) step[2]);
            assertThat(a.status()).as(step[1] + ": " + a.body()).isEqualTo(200);
        }
        return number;
    }

    private JsonNode board() {
        Api.Answer a = api.get("/api/v1/public/board", null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private Optional<JsonNode> onBoard(String number) {
        return board().get("cases").valueStream().filter(c -> c.get("number").asString().equals(number)).findFirst();
    }

    @Test
    void theBoardShowsAClosedCaseWithItsReplyAndNoPersonalData() {
        String number = submit(appeal("光明路18号楼下污水外溢，" + NAME + "反映", NAME, null)).text("number");
        closed(number, NAME);
        await(() -> onBoard(number).map(c -> "CLOSED".equals(c.get("status").asString())
                && !c.get("reply").isNull()).orElse(false), "the closed case with its reply on the board");

        JsonNode c = onBoard(number).orElseThrow();
        assertThat(c.get("salutation").asString()).isEqualTo("RESIDENT");
        assertThat(c.get("reply").asString()).contains("管道已疏通");
        assertThat(c.get("streetName").isNull()).isFalse();
        String json = api.get("/api/v1/public/board", null).body();
        String html = api.get("/board", null).body();
        assertThat(html).contains(number).contains("管道已疏通");
        for (String page : new String[] {json, html}) {
            assertThat(page).doesNotContain(PHONE).doesNotContain("1391234").doesNotContain(NAME)
                    .doesNotContain("明远").doesNotContain("18号").doesNotContain("3单元").doesNotContain("502室")
                    .doesNotContain(ADDRESS);
        }
    }

    @Test
    void aResidentGivenAsMsIsSomeMsAndHerNameIsNotShown() {
        String number = submit(appeal("光明路路灯不亮，李女士反映", "李女士", true)).text("number");
        await(() -> onBoard(number).isPresent(), "the case on the board");
        assertThat(onBoard(number).orElseThrow().get("salutation").asString()).isEqualTo("MS");
        String html = api.get("/board?lang=zh_CN", null).body();
        assertThat(html).contains("某女士").doesNotContain("李女士");
    }

    @Test
    void optedOutAndSensitiveCasesAreNeverOnTheBoard() {
        String optedOut = submit(appeal("光明路噪音扰民", "王先生", false)).text("number");
        Map<String, Object> dispute = appeal("邻里纠纷：楼上漏水不肯维修", "赵先生", true);
        dispute.put("category", "邻里纠纷");
        String sensitive = submit(dispute).text("number");
        String discipline = submit(appeal("举报某单位干部违纪，请纪委调查", "钱先生", true)).text("number");
        // a case published after them: once it is on the board, the others were decided too
        String published = submit(appeal("光明路井盖缺失", "孙先生", true)).text("number");
        await(() -> onBoard(published).isPresent(), "the published case on the board");
        String json = api.get("/api/v1/public/board", null).body();
        String html = api.get("/board", null).body();
        for (String hidden : new String[] {optedOut, sensitive, discipline}) {
            assertThat(json).doesNotContain(hidden);
            assertThat(html).doesNotContain(hidden);
        }
        assertThat(json).doesNotContain("纪委").doesNotContain("邻里纠纷");
    }

    @Test
    void eachDepartmentsMonthlyFiguresCountItsCases() {
        String number = submit(appeal("光明路人行道破损", "周先生", true)).text("number");
        closed(number, "周先生");
        await(() -> board().get("departments").valueStream()
                .anyMatch(d -> d.get("departmentName").asString().contains("执法") && d.get("closed").asInt() > 0
                        && d.get("satisfied").asInt() > 0 && d.get("received").asInt() > 0),
                "the department's closed and satisfied case in its figures");
    }

    @Test
    void olderPagesFollowTheKeysetCursorAndABadCursorIsTheFirstPage() {
        for (int i = 0; i < 3; i++) {
            submit(appeal("光明路垃圾未清运 " + i, "吴先生", true));
        }
        Api.Answer first = api.get("/api/v1/public/board/cases", null);
        assertThat(first.status()).isEqualTo(200);
        Api.Answer bad = api.get("/api/v1/public/board/cases?after=%27%3B--", null);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.json().get("cases").size()).isEqualTo(first.json().get("cases").size());
        JsonNode next = first.json().get("next");
        if (next != null && !next.isNull()) {
            Api.Answer second = api.get("/api/v1/public/board/cases?after=" + next.asString(), null);
            assertThat(second.status()).isEqualTo(200);
            String firstNumbers = first.json().get("cases").toString();
            second.json().get("cases").valueStream()
                    .forEach(c -> assertThat(firstNumbers).doesNotContain(c.get("number").asString()));
            assertThat(api.get("/board?after=" + next.asString(), null).status()).isEqualTo(200);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
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
}
