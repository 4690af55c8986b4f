package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.opinion.internal.Sources;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import cn.civicloop.support.TimelineSteps;
import tools.jackson.databind.JsonNode;

/**
 * Cases of every channel join the topics of the posts; a topic reaching a level alerts the officers once; the "1+N"
 * linked response runs on a case (lead + co-handlers) from opening to the approved public answer; a conduct topic
 * is seen only by the officer, the lead and 纪委监委.
 */
public class OpinionResponseApiTests extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * Characters no other run uses, so that a topic never joins one of an earlier run left in the database (on
     * PostgreSQL it outlives the run): long enough to outweigh the words a test's titles share with earlier runs'.
     */
    public static String unique() {
        java.util.Random random = new java.util.Random(System.nanoTime());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
        }
        return b.toString();
    }

    /** Pushes {@code count} posts titled {@code title} through a new vendor source; returns the topic id. */
    public static String pushTopic(Api api, String title, int count) {
        String code = "vendor-" + Long.toString(System.nanoTime(), 36);
        Api.Answer created = api.post("/api/v1/opinion/sources", api.login("opinion"),
                Map.of("code", code, "name", "监测" + code, "kind", "PUSH"));
        String secret = created.json().get("secret").asString();
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", code + "-" + i);
            p.put("url", "https://bbs.example.cn/t/" + code + "-" + i);
            p.put("author", "网友李四" + i);
            p.put("title", title);
            p.put("text", "楼下天天这样，投诉多次没人管，太差了，气愤");
            p.put("time", java.time.Instant.now().minusSeconds(600L - i).toString());
            p.put("likes", 20 + i);
            posts.add(p);
        }
        byte[] body = Api.json().writeValueAsString(Map.of("posts", posts)).getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Api.Answer pushed = api.postRaw("/api/v1/opinion/sources/" + code + "/posts", null, "application/json", body,
                Map.of("X-Opinion-Timestamp", ts, "X-Opinion-Signature",
                        HexFormat.of().formatHex(Sources.sign(secret, ts, body))));
        assertThat(pushed.status()).isEqualTo(200);
        assertThat(pushed.json().get("topics")).hasSize(1);
        return pushed.json().get("topics").get(0).asString();
    }

    private JsonNode topicRow(String topic) {
        for (JsonNode t : api.get("/api/v1/opinion/topics?limit=100", api.login("opinion")).json().get("topics")) {
            if (t.get("id").asString().equals(topic)) {
                return t;
            }
        }
        return null;
    }

    private List<String> caseNumbers(String topic, String user) {
        List<String> numbers = new ArrayList<>();
        api.get("/api/v1/opinion/topics/" + topic + "/cases", api.login(user)).json().get("cases")
                .forEach(c -> numbers.add(c.get("number").asString()));
        return numbers;
    }

    @Test
    void aCaseOfAnyChannelJoinsTheTopicOfThePostsAndCountsInItsHeat() {
        String words = unique();
        String topic = pushTopic(api, words + "小区夜间烧烤噪音扰民", 2);
        double heatBefore = topicRow(topic).get("heat").asDouble();

        String number = submit(appeal(words + "小区夜间烧烤噪音扰民")).text("number");
        String other = submit(appeal(unique() + "公交站牌损坏")).text("number");

        await().atMost(Duration.ofSeconds(20)).until(() -> caseNumbers(topic, "opinion").contains(number));
        JsonNode row = topicRow(topic);
        assertThat(row.get("cases").asInt()).isEqualTo(1);
        assertThat(row.get("posts").asInt()).isEqualTo(3);
        assertThat(row.get("heat").asDouble()).isGreaterThan(heatBefore);
        assertThat(caseNumbers(topic, "opinion")).doesNotContain(other);
    }

    @Test
    void reachingALevelAlertsTheOfficersOnceInTheirInboxAndTheLiveList() {
        String title = unique() + "菜市场门口占道经营堵路";
        String topic = pushTopic(api, title, 3);
        String officer = api.login("opinion");
        assertThat(topicRow(topic).get("level").asString()).isEqualTo("BLUE");
        assertThat(letters(officer, topic)).isEqualTo(1);
        assertThat(alertedLevels(officer, topic)).containsExactly("BLUE");

        pushTopic(api, title, 1);
        pushTopic(api, title, 1);
        // two more posts take the topic to yellow: one letter more, and blue is not alerted again
        assertThat(topicRow(topic).get("level").asString()).isEqualTo("YELLOW");
        assertThat(letters(officer, topic)).isEqualTo(2);
        assertThat(alertedLevels(officer, topic)).containsExactly("YELLOW", "BLUE");
    }

    private List<String> alertedLevels(String token, String topic) {
        List<String> levels = new ArrayList<>();
        api.get("/api/v1/opinion/alerts?limit=100", token).json().get("alerts").forEach(a -> {
            if (a.get("topicId").asString().equals(topic)) {
                levels.add(a.get("level").asString());
            }
        });
        return levels;
    }

    private long letters(String token, String topic) {
        long n = 0;
        for (JsonNode item : api.get("/api/v1/inbox?size=100", token).json().get("items")) {
            if (item.get("caseNumber").asString().equals(topic) && item.get("kind").asString().equals("OPINION_ALERT")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theLinkedResponseRunsOnACaseFromOpeningToThePostedAnswer() {
        String words = unique();
        String topic = pushTopic(api, words + "老旧小区加装电梯推进缓慢", 3);
        String duplicate = submit(appeal(words + "老旧小区加装电梯推进缓慢")).text("number");
        await().atMost(Duration.ofSeconds(20)).until(() -> caseNumbers(topic, "opinion").contains(duplicate));

        Map<String, Object> opening = Map.of("leadDepartmentId", departmentId("ZFJ"), "leadTask", "核查并答复加装电梯进度",
                "partners", List.of(Map.of("departmentId", departmentId("WXB"), "task", "审核回帖并引导舆论"),
                        Map.of("departmentId", departmentId("RMT"), "task", "准备媒体通稿")),
                "workingDays", 3);
        assertThat(api.post("/api/v1/opinion/topics/" + topic + "/response", api.login("leader"), opening).status())
                .isEqualTo(403);
        Api.Answer opened = api.post("/api/v1/opinion/topics/" + topic + "/response", api.login("opinion"), opening);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode view = opened.json();
        String caseNumber = view.get("caseNumber").asString();
        assertThat(view.get("caseStatus").asString()).isEqualTo("ASSIGNED");
        assertThat(view.get("tasks")).hasSize(3);
        assertThat(view.get("tasks").get(0).get("party").asString()).isEqualTo("LEAD");
        assertThat(view.get("tasks").get(1).get("party").asString()).isEqualTo("ONLINE");
        assertThat(view.get("tasks").get(2).get("party").asString()).isEqualTo("MEDIA");
        assertThat(view.get("tasks").get(1).get("dueAt").asString()).isNotBlank();
        assertThat(api.post("/api/v1/opinion/topics/" + topic + "/response", api.login("opinion"), opening).status())
                .isEqualTo(409);
        // the case of the response is a case like any other: the partners are its co-handlers
        JsonNode theCase = api.get("/api/v1/cases/" + caseNumber, api.login("zfj")).json();
        assertThat(theCase.get("coHandlers")).hasSize(2);
        assertThat(theCase.get("channel").asString()).isEqualTo("ONLINE_OPINION");
        // the case's timeline names the response in the reader's language; the lead's task as the officer wrote it
        assertThat(TimelineSteps.of(port(), "zfj", caseNumber, "zh_CN"))
                .anyMatch(s -> s.matches("网络舆情联动处置（话题 " + topic + "），由.+发起")).anyMatch(s -> s.matches(
                        "网络舆情联动处置（话题 " + topic + "），由.+发起；牵头任务：核查并答复加装电梯进度"));
        assertThat(TimelineSteps.of(port(), "zfj", caseNumber, "en"))
                .anyMatch(s -> s.matches("Online-opinion linked response \\(topic " + topic + "\\) opened by .+"))
                .anyMatch(s -> s.endsWith("; lead task: 核查并答复加装电梯进度"))
                .noneMatch(s -> s.contains("网络舆情"));
        // and it does not join its own topic as one more case of the issue
        assertThat(caseNumbers(topic, "opinion")).doesNotContain(caseNumber);

        String replies = "/api/v1/opinion/topics/" + topic + "/response/replies";
        assertThat(api.post(replies, api.login("jwj"), Map.of("text", "无关")).status()).isEqualTo(404);
        assertThat(api.post(replies, api.login("zfj"), Map.of("text", "已核查")).status())
                .as("the lead replies after every partner").isEqualTo(409);
        assertThat(api.post(replies, api.login("rmt"), Map.of("text", "通稿已备")).status()).isEqualTo(200);
        assertThat(api.post(replies, api.login("wxb"), Map.of("text", "已安排引导")).status()).isEqualTo(200);
        JsonNode replied = api.post(replies, api.login("zfj"), Map.of("text", "已核查，电梯月底开工")).json();
        assertThat(replied.get("caseStatus").asString()).isEqualTo("REPLIED");
        assertThat(replied.get("tasks").get(2).get("state").asString()).isEqualTo("REPLIED");
        assertThat(replied.get("tasks").get(2).get("reply").asString()).isEqualTo("通稿已备");

        String answer = "/api/v1/opinion/topics/" + topic + "/response/answer";
        assertThat(api.post(answer, api.login("wxb"), Map.of("text", "草稿")).status()).isEqualTo(403);
        assertThat(api.post(answer + "/approve", api.login("wxb"), Map.of()).status()).isEqualTo(409);
        JsonNode drafted = api.post(answer, api.login("zfj"), Map.of("text", "您好，加装电梯将于月底开工。")).json();
        assertThat(drafted.get("answerStatus").asString()).isEqualTo("DRAFTED");
        assertThat(api.post(answer + "/approve", api.login("zfj"), Map.of()).status()).isEqualTo(403);
        JsonNode posted = api.post(answer + "/approve", api.login("wxb"), Map.of()).json();
        assertThat(posted.get("answerStatus").asString()).isEqualTo("POSTED");
        assertThat(posted.get("answerUrl").asString()).startsWith("https://bbs.example.cn/t/");
        List<String> kinds = new ArrayList<>();
        posted.get("log").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsSubsequence("OPEN", "REPLY", "ANSWER_DRAFTED", "ANSWER_APPROVED", "ANSWER_POSTED");

        // the duplicate report of the issue is merged into the response's case from the topic
        assertThat(api.post("/api/v1/opinion/topics/" + topic + "/cases/" + duplicate + "/merge", api.login("opinion"),
                Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + duplicate, api.login("operator")).json().get("status").asString())
                .isEqualTo("VOIDED");
        assertThat(api.get("/api/v1/opinion/tasks", api.login("rmt")).json().get("topics").toString()).contains(topic);
    }

    @Test
    void thePartnerAddedLaterOnTheCasePageGetsATaskAndTheTimelineNamesTheOfficer() {
        String topic = pushTopic(api, unique() + "老城区夜市占道经营油烟扰民", 2);
        Map<String, Object> opening = Map.of("leadDepartmentId", departmentId("ZFJ"), "leadTask", "整治占道经营",
                "partners", List.of(Map.of("departmentId", departmentId("WXB"), "task", "审核回帖")), "workingDays", 3);
        JsonNode view = api.post("/api/v1/opinion/topics/" + topic + "/response", api.login("opinion"), opening).json();
        String caseNumber = view.get("caseNumber").asString();
        assertThat(view.get("tasks")).hasSize(2);

        // the officer's steps on the case are recorded under his name, not as the system's
        List<String> actors = new ArrayList<>();
        api.get("/api/v1/cases/" + caseNumber + "/timeline", api.login("leader")).json().forEach(e -> {
            if (List.of("REGISTER", "ASSIGN", "ADD_CO_HANDLER").contains(e.get("action").asString())) {
                actors.add(e.get("actorName").asString() + "/" + e.get("actorRole").asString());
            }
        });
        assertThat(actors).isNotEmpty().allMatch(a -> a.equals("邵晴/OPINION_OFFICER"));

        // the dispatcher adds the media centre on the case page: it becomes a partner with its task and deadline
        assertThat(act("dispatcher", caseNumber, "add-co-handler", Map.of("departmentId", departmentId("RMT"),
                "note", "发布权威信息")).status()).isEqualTo(200);
        String path = "/api/v1/opinion/topics/" + topic + "/response";
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, api.login("opinion")).json().get("tasks")
                .size() == 3);
        JsonNode media = api.get(path, api.login("opinion")).json().get("tasks").get(2);
        assertThat(media.get("party").asString()).isEqualTo("MEDIA");
        assertThat(media.get("task").asString()).isEqualTo("发布权威信息");
        assertThat(java.time.Instant.parse(media.get("dueAt").asString())).isAfter(java.time.Instant.now());
        assertThat(api.get("/api/v1/opinion/tasks", api.login("rmt")).json().get("topics").toString()).contains(topic);
        List<String> kinds = new ArrayList<>();
        api.get(path, api.login("opinion")).json().get("log").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsSubsequence("OPEN", "PARTNER", "PARTNER");
        assertThat(kinds.stream().filter("PARTNER"::equals).count()).isEqualTo(2);

        // one added without a note gets the stock task, named by the page in the reader's language
        assertThat(act("dispatcher", caseNumber, "add-co-handler", Map.of("departmentId", departmentId("JTJ")))
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, api.login("opinion")).json().get("tasks")
                .size() == 4);
        JsonNode stock = api.get(path, api.login("opinion")).json().get("tasks").get(3);
        assertThat(stock.path("task").isNull() || stock.path("task").isMissingNode()).as(stock.toString()).isTrue();
        assertThat(PageSession.login(port(), "opinion").get("/opinion/topics/" + topic + "?lang=en").body())
                .contains("class=\"task\">Work with the others on this topic<").doesNotContain("协同处置本话题");
        assertThat(PageSession.login(port(), "opinion").get("/opinion/topics/" + topic + "?lang=zh_CN").body())
                .contains("class=\"task\">协同处置本话题<");

        // a line the system wrote (a partner with no step to name; earlier rows named it 系统) carries no name of a
        // language: the answer gives none, the page its word for the system in the reader's language
        long response = view.get("id").asLong();
        for (String[] who : List.of(new String[] {"system", "system"}, new String[] {"cases", "系统"})) {
            jdbc.sql("insert into opinion_response_log (response_id, at, actor, actor_name, kind, note)"
                    + " values (?, ?, ?, ?, 'PARTNER', ?)").params(response, java.sql.Timestamp.from(
                            java.time.Instant.now()), who[0], who[1], "交通运输局").update();
        }
        List<JsonNode> bySystem = new ArrayList<>();
        api.get(path, api.login("opinion")).json().get("log").forEach(e -> {
            if (e.path("actorName").isNull()) {
                bySystem.add(e);
            }
        });
        assertThat(bySystem).hasSize(2);
        assertThat(PageSession.login(port(), "opinion").get("/opinion/topics/" + topic + "?lang=en").body())
                .contains("<span>System</span> <strong>").doesNotContain("<span>系统</span>");
        assertThat(PageSession.login(port(), "opinion").get("/opinion/topics/" + topic + "?lang=zh_CN").body())
                .contains("<span>系统</span> <strong>");
    }

    @Test
    void aConductTopicIsSeenOnlyByTheOfficerTheLeadAndTheDisciplineCommission() {
        String topic = pushTopic(api, unique() + "某所工作人员办事态度恶劣吃拿卡要", 2);
        Map<String, Object> mixed = Map.of("leadDepartmentId", departmentId("JD-ZX"), "leadTask", "核实情况",
                "partners", List.of(Map.of("departmentId", departmentId("JWJ"), "task", "调查作风问题"),
                        Map.of("departmentId", departmentId("RMT"), "task", "发布通报")));
        Api.Answer refused = api.post("/api/v1/opinion/topics/" + topic + "/response", api.login("opinion"), mixed);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");

        Map<String, Object> opening = Map.of("leadDepartmentId", departmentId("JD-ZX"), "leadTask", "核实情况",
                "partners", List.of(Map.of("departmentId", departmentId("JWJ"), "task", "调查作风问题")));
        JsonNode view = api.post("/api/v1/opinion/topics/" + topic + "/response", api.login("opinion"), opening).json();
        assertThat(view.get("conduct").asBoolean()).isTrue();

        String path = "/api/v1/opinion/topics/" + topic + "/response";
        assertThat(api.get(path, api.login("opinion")).status()).isEqualTo(200);
        assertThat(api.get(path, api.login("jd-zx")).status()).isEqualTo(200);
        assertThat(api.get(path, api.login("jwj")).status()).isEqualTo(200);
        assertThat(api.get(path, api.login("leader")).status()).isEqualTo(404);
        assertThat(api.get(path, api.login("rmt")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/opinion/topics/" + topic + "/posts", api.login("leader")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/opinion/topics?limit=100", api.login("leader")).body()).doesNotContain(topic);
        assertThat(api.get("/api/v1/opinion/topics?limit=100", api.login("opinion")).body()).contains(topic);
    }
}
