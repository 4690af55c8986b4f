package cn.civicloop.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import cn.civicloop.cases.MediaSupervisionTimeline;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.media.internal.ItemDue;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * A supervision item's life: opened on a case, answered by the department, published, on the board; an unanswered
 * item escalated by its timer; alerts raised by the cases' events; the department's access to its own items only.
 */
class MediaApiTests extends ApiTest {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    MediaSupervisionTimeline caseTimeline;

    @Autowired
    Directory directory;

    static final String BASE = "/api/v1/media";

    private String assignedCase(String title) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("channel", "WEBSITE");
        a.put("externalRef", "M-" + UUID.randomUUID());
        a.put("kind", "COMPLAINT");
        a.put("title", title);
        a.put("content", title + "，联系人" + "慕容雪" + "，电话13700001111");
        a.put("address", "市中区光明路27号2单元301室");
        a.put("contact", Map.of("name", "慕容雪", "phone", "13700001111"));
        String number = ok(submit(a)).text("number");
        long zfj = departmentId("ZFJ");
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", zfj)));
        return number;
    }

    private static Api.Answer ok(Api.Answer a) {
        assertThat(a.status()).as(a.body()).isBetween(200, 201);
        return a;
    }

    private JsonNode open(String number, String title) {
        return ok(api.post(BASE + "/items", api.login("media"),
                Map.of("caseNumber", number, "title", title, "body", "该诉求超期未办结，请承办部门公开说明原因和办理计划。")))
                .json();
    }

    @Test
    void anItemIsAnsweredPublishedAndShownOnTheBoardWithoutPersonalData() {
        String number = assignedCase("光明路27号门前积水多日");
        JsonNode item = open(number, "光明路积水问题久拖不决");
        long id = item.get("id").asLong();
        assertThat(item.get("status").asString()).isEqualTo("OPEN");
        // counted by the evaluation as supervision (督办件数) of the case's department
        await(() -> supervisedByEvaluation(number), "the evaluation's supervision fact");
        assertThat(Instant.parse(item.get("dueAt").asString())).isAfter(Instant.parse(item.get("openedAt").asString()));

        // not on the board before it is published
        assertThat(api.get("/api/v1/public/board", null).body()).doesNotContain("光明路积水问题久拖不决");
        // another department neither reads nor answers it
        assertThat(api.get(BASE + "/items/" + id, api.login("jtj")).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/items/" + id + "/response", api.login("jtj"), Map.of("text", "x")).status())
                .isEqualTo(403);

        JsonNode answered = ok(api.post(BASE + "/items/" + id + "/response", api.login("zfj"),
                Map.of("text", "已组织抽排积水，下周完成雨水管改造。"))).json();
        assertThat(answered.get("status").asString()).isEqualTo("RESPONDED");
        // a second response is a readable conflict
        Api.Answer again = api.post(BASE + "/items/" + id + "/response", api.login("zfj"), Map.of("text", "再次回应"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).contains("problem+json");

        ok(api.post(BASE + "/items/" + id + "/publish", api.login("media"), Map.of("reason", "曝光台第12期")));
        JsonNode board = ok(api.get("/api/v1/public/board", null)).json();
        JsonNode shown = board.get("items").valueStream().filter(i -> i.get("id").asLong() == id).findFirst()
                .orElseThrow();
        assertThat(shown.get("response").asString()).contains("雨水管改造");
        String html = api.get("/board", null).body();
        assertThat(html).contains("光明路积水问题久拖不决").contains("雨水管改造")
                .doesNotContain("慕容雪").doesNotContain("13700001111").doesNotContain("27号");

        JsonNode history = ok(api.get(BASE + "/items/" + id, api.login("media"))).json().get("history");
        assertThat(history.valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("OPENED", "RESPONDED", "PUBLISHED");
        assertThat(history.get(1).get("actor").asString()).isEqualTo("zfj");

        // the case's own timeline: opened, answered, published, with who and why; internal to staff
        List<JsonNode> lines = ok(api.get("/api/v1/cases/" + number + "/timeline", api.login("operator"))).json()
                .valueStream().filter(e -> e.get("action").asString().equals("MEDIA_SUPERVISION")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("actorName").asString()).isEqualTo("袁媛");
        assertThat(lines.get(0).get("actorRole").asString()).isEqualTo("MEDIA_OFFICER");
        // the row holds the step, the item and the free text, no sentence in one language
        assertThat(lines.get(0).get("reason").asString()).isEqualTo("OPENED #" + id + ": 光明路积水问题久拖不决");
        assertThat(lines.get(1).get("actorName").asString()).isEqualTo("刘伟");
        assertThat(lines.get(1).get("reason").asString()).startsWith("RESPONDED #" + id + ": ").contains("雨水管改造");
        assertThat(lines.get(2).get("reason").asString()).isEqualTo("PUBLISHED #" + id + ": 曝光台第12期");
        assertThat(lines).noneMatch(e -> e.get("publicEntry").asBoolean());
        // the case page names each step in the reader's language
        PageSession operator = PageSession.login(port(), "operator");
        String en = operator.get("/workbench/cases/" + number + "?lang=en").body();
        assertThat(en).contains("Supervision item " + id + " opened").contains("Public response to supervision item " + id)
                .contains("Supervision item " + id + " published").contains("曝光台第12期")
                .doesNotContain("立项监督").doesNotContain("OPENED #");
        String zh = operator.get("/workbench/cases/" + number + "?lang=zh_CN").body();
        assertThat(zh).contains("立项监督（监督事项 " + id + "）").contains("部门公开回应（监督事项 " + id + "）")
                .contains("公开发布（监督事项 " + id + "）").doesNotContain("Supervision item");
    }

    @Test
    void theCasesTimelineTakesTheMediaCentresStepsFromTheMediaCentreOnly() {
        String number = assignedCase("光明路窨井盖缺失");
        Actor handler = directory.staffActor("zfj").orElseThrow();
        assertThatThrownBy(() -> caseTimeline.record(number, MediaSupervisionTimeline.Step.OPENED, 1, "x", handler))
                .isInstanceOf(ForbiddenException.class);
        Actor media = directory.staffActor("media").orElseThrow();
        assertThatThrownBy(() -> caseTimeline.record(number, MediaSupervisionTimeline.Step.RESPONDED, 1, "x", media))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> caseTimeline.record("SZ-19000101-000001", MediaSupervisionTimeline.Step.OPENED, 1,
                "x", media)).isInstanceOf(NotFoundException.class);
        assertThat(api.get("/api/v1/cases/" + number + "/timeline", api.login("operator")).body())
                .doesNotContain("MEDIA_SUPERVISION");
    }

    @Test
    void theMediaCentresOwnStaffHoldTheMediaRole() {
        // one media centre: 区融媒体中心 (RMT), the linked-response partner, is the department of the media accounts
        String number = assignedCase("光明路护栏倒伏");
        long id = ok(api.post(BASE + "/items", api.login("rmt"),
                Map.of("caseNumber", number, "title", "护栏倒伏无人管", "body", "请承办部门公开说明。"))).json()
                .get("id").asLong();
        assertThat(item(id).get("status").asString()).isEqualTo("OPEN");
        ok(api.get(BASE + "/alerts", api.login("rmt")));
        long rmt = departmentId("RMT");
        assertThat(directory.staffActor("media").orElseThrow().departmentId()).isEqualTo(rmt);
        assertThat(directory.staffActor("rmt").orElseThrow().departmentId()).isEqualTo(rmt);
    }

    @Test
    void theMediaCentreDoesNotAnswerItsOwnItem() {
        // an item on the media centre's own department: rmt handles for RMT but also holds the media role
        long id = ok(api.post(BASE + "/items", api.login("media"),
                Map.of("departmentId", departmentId("RMT"), "title", "融媒体中心回复迟缓", "body", "请公开说明。")))
                .json().get("id").asLong();
        Api.Answer refused = api.post(BASE + "/items/" + id + "/response", api.login("rmt"),
                Map.of("text", "我们已经改进。"), Map.of("Accept-Language", "en"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("problem+json");
        assertThat(refused.json().get("detail").asString()).contains("opened it or may publish it");
        Api.Answer inChinese = api.post(BASE + "/items/" + id + "/response", api.login("rmt"),
                Map.of("text", "我们已经改进。"));
        assertThat(inChinese.json().get("detail").asString()).contains("立项或发布");
        // the one who opened it neither, whatever his department
        assertThat(api.post(BASE + "/items/" + id + "/response", api.login("media"), Map.of("text", "x")).status())
                .isEqualTo(403);
        assertThat(item(id).get("status").asString()).isEqualTo("OPEN");
        JsonNode history = ok(api.get(BASE + "/items/" + id, api.login("media"))).json().get("history");
        assertThat(history.valueStream().map(h -> h.get("action").asString())).containsExactly("OPENED");
    }

    @Test
    void anUnansweredItemIsEscalatedByItsTimerOnce() {
        String number = assignedCase("光明路路灯损坏");
        long id = open(number, "路灯损坏无人修").get("id").asLong();
        TaskInstanceId timer = TaskInstanceId.of(ItemDue.TASK, Long.toString(id));
        assertThat(scheduler.getScheduledExecution(timer)).isPresent();
        ok(api.post(BASE + "/items/" + id + "/publish", api.login("media"), Map.of()));
        // the deadline is days away on the business calendar: bring the timer forward, as time passing would
        scheduler.reschedule(timer, Instant.now());
        await(() -> "ESCALATED".equals(item(id).get("status").asString()), "the item escalated by its timer");
        assertThat(item(id).get("escalatedAt").isNull()).isFalse();
        await(() -> api.get("/api/v1/public/board", null).json().get("items").valueStream()
                .anyMatch(i -> i.get("id").asLong() == id && i.get("overdue").asBoolean()), "the board's overdue mark");
        JsonNode history = ok(api.get(BASE + "/items/" + id, api.login("media"))).json().get("history");
        assertThat(history.valueStream().filter(h -> h.get("action").asString().equals("ESCALATED")).count())
                .isEqualTo(1);
        // the item's page names the system's step in the reader's language, with no Chinese reason on an English page
        String english = PageSession.login(port(), "media").get("/media/items/" + id + "?lang=en").body();
        assertThat(english).contains(">Escalated: deadline passed<", ">System<").doesNotContain("逾期未回应");
        String chinese = PageSession.login(port(), "media").get("/media/items/" + id + "?lang=zh_CN").body();
        assertThat(chinese).contains(">逾期升级<", ">系统<").doesNotContain(">system<");
        // an earlier row held the reason as a Chinese sentence: it is read as the step alone
        jdbc.sql("insert into media_item_history (item_id, at, actor, action, reason) values (?, ?, 'system', "
                + "'ESCALATED', '逾期未回应')").params(id, java.sql.Timestamp.from(Instant.now())).update();
        assertThat(ok(api.get(BASE + "/items/" + id, api.login("media"))).json().get("history").valueStream()
                .filter(h -> h.get("action").asString().equals("ESCALATED"))).hasSize(2)
                .allSatisfy(h -> assertThat(h.path("reason").isNull() || h.path("reason").isMissingNode()).isTrue());
        assertThat(PageSession.login(port(), "media").get("/media/items/" + id + "?lang=en").body())
                .doesNotContain("逾期未回应");
        // a late response is still taken
        ok(api.post(BASE + "/items/" + id + "/response", api.login("zfj"), Map.of("text", "已更换灯具。")));
    }

    @Test
    void aReworkedCaseRaisesAnAlertAndTheWatchListShowsPublicFactsOnly() {
        String number = assignedCase("光明路井盖松动");
        ok(act("zfj", number, "sign", Map.of()));
        ok(act("zfj", number, "reply", Map.of("text", "已处理")));
        ok(act("officer", number, "reject", Map.of("reason", "未附照片")));
        await(() -> ok(api.get(BASE + "/alerts", api.login("media"))).json().valueStream()
                .anyMatch(a -> a.get("caseNumber").asString().equals(number)
                        && a.get("kind").asString().equals("REWORKED")), "the rework alert");

        ok(api.post(BASE + "/watch", api.login("media"), Map.of("caseNumber", number, "note", "跟踪")));
        Api.Answer watched = ok(api.get(BASE + "/watch", api.login("media")));
        assertThat(watched.body()).contains(number).doesNotContain("慕容雪").doesNotContain("13700001111")
                .doesNotContain("井盖松动");
    }

    @Test
    void badInputIsRefusedReadablyAndNothingIsSaved() {
        Api.Answer none = api.post(BASE + "/items", api.login("media"), Map.of("title", "无对象", "body", "x"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.contentType()).contains("problem+json");
        Api.Answer unknown = api.post(BASE + "/items", api.login("media"),
                Map.of("caseNumber", "SZ-19000101-000001", "title", "t", "body", "b"));
        assertThat(unknown.status()).isEqualTo(404);
        Api.Answer blank = api.post(BASE + "/items", api.login("media"),
                Map.of("departmentId", departmentId("ZFJ"), "title", " ", "body", "b"));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(ok(api.get(BASE + "/items", api.login("media"))).body()).doesNotContain("无对象");
    }

    private boolean supervisedByEvaluation(String number) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String period = today.minusDays(1) + ".." + today.plusDays(1);
        Api.Answer a = ok(api.get("/api/v1/evaluation/periods/" + period + "/subjects/DEPARTMENT/"
                + departmentId("ZFJ") + "/cases?indicator=SUPERVISED&term=0", api.login("evaluation")));
        return a.body().contains(number);
    }

    private JsonNode item(long id) {
        return ok(api.get(BASE + "/items/" + id, api.login("media"))).json().get("item");
    }

    static void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(40));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(end);
            try {
                Thread.sleep(200); // polling interval, not the proof: the loop ends on the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
