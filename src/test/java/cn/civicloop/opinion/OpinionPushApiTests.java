package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.opinion.internal.Sources;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * A monitoring vendor pushes signed batches: bad or stale signatures are 401, a repeated push changes nothing, a huge
 * batch is refused with 429 and accepted when split, posts of one issue share a topic on the board, authors masked.
 */
class OpinionPushApiTests extends ApiTest {

    private String register(String code) {
        Api.Answer created = api.post("/api/v1/opinion/sources", api.login("opinion"),
                Map.of("code", code, "name", "舆情监测服务商" + code, "kind", "PUSH"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    private Api.Answer push(String code, String secret, String body, long timestamp) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(timestamp);
        String signature = secret == null ? "00" : HexFormat.of().formatHex(Sources.sign(secret, ts, bytes));
        return api.postRaw("/api/v1/opinion/sources/" + code + "/posts", null, "application/json", bytes,
                Map.of("X-Opinion-Timestamp", ts, "X-Opinion-Signature", signature));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String batch(String prefix, int from, int count, String title) {
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", prefix + i);
            p.put("url", "https://bbs.example.cn/t/" + prefix + i);
            p.put("author", "网友张三丰" + i);
            p.put("title", title);
            p.put("text", "已经好几天了，噪音严重扰民，晚上睡不着 😡 第" + i + "次发帖");
            p.put("time", java.time.Instant.now().minusSeconds(3600L - i).toString());
            p.put("likes", 10 + i);
            posts.add(p);
        }
        return Api.json().writeValueAsString(Map.of("posts", posts));
    }

    @Test
    void signedPushesAreStoredOnceAndGroupedIntoATopic() {
        String code = "vendor-" + Long.toString(System.nanoTime(), 36);
        String secret = register(code);
        String body = batch(code + "-", 0, 3, RunTexts.unique() + "夜市烧烤油烟噪音扰民");

        Api.Answer first = push(code, secret, body, now());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(first.json().get("topics")).hasSize(1);
        String topic = first.json().get("topics").get(0).asString();

        Api.Answer again = push(code, secret, body, now());
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);

        String officer = api.login("opinion");
        JsonNode row = null;
        for (JsonNode t : api.get("/api/v1/opinion/topics?limit=100", officer).json().get("topics")) {
            if (t.get("id").asString().equals(topic)) {
                row = t;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("posts").asInt()).isEqualTo(3);
        assertThat(row.get("heat").asDouble()).isPositive();
        assertThat(row.get("negativeShare").asDouble()).isEqualTo(1.0);

        String posts = api.get("/api/v1/opinion/topics/" + topic + "/posts", officer).body();
        assertThat(posts).doesNotContain("张三丰").contains("\"author\"");
    }

    @Test
    void anIdTwiceInOneBatchIsStoredOnceAndAPartlyKnownBatchStoresOnlyItsNewPosts() {
        String code = "vendor-" + Long.toString(System.nanoTime(), 36);
        String secret = register(code);
        String title = RunTexts.unique() + "地下车库积水严重";
        JsonNode twice = Api.json().readTree(batch(code + "-", 0, 2, title));
        ((tools.jackson.databind.node.ObjectNode) twice.get("posts").get(1)).put("id", code + "-0");
        Api.Answer first = push(code, secret, Api.json().writeValueAsString(twice), now());
        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(first.json().get("duplicates").asInt()).isEqualTo(1);

        // posts 0 and 1 of 0..3: one known, three new, all in the one topic
        Api.Answer second = push(code, secret, batch(code + "-", 0, 4, title), now());
        assertThat(second.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(second.json().get("duplicates").asInt()).isEqualTo(1);
        String topic = second.json().get("topics").get(0).asString();
        assertThat(first.json().get("topics").get(0).asString()).isEqualTo(topic);
        JsonNode posts = api.get("/api/v1/opinion/topics/" + topic + "/posts", api.login("opinion")).json().get("posts");
        assertThat(posts).hasSize(4);
    }

    /**
     * Vendor connections pushing one issue at once: each batch waits for the one before to commit, so none inserts
     * the topic the other has just created a second time, and every post is stored.
     */
    @Test
    void concurrentPushesOfOneIssueAreAllStoredInOneTopic() throws Exception {
        String code = "vendor-" + Long.toString(System.nanoTime(), 36);
        String secret = register(code);
        String title = RunTexts.unique() + "菜市场门口占道经营堵路";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Api.Answer>> answers = new ArrayList<>();
            for (int b = 0; b < 12; b++) {
                String body = batch(code + "-", b * 5, 5, title);
                answers.add(pool.submit(() -> push(code, secret, body, now())));
            }
            java.util.Set<String> topics = new java.util.HashSet<>();
            int accepted = 0;
            for (var answer : answers) {
                Api.Answer a = answer.get();
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                accepted += a.json().get("accepted").asInt();
                a.json().get("topics").forEach(t -> topics.add(t.asString()));
            }
            assertThat(accepted).isEqualTo(60);
            assertThat(topics).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badStaleOrUnknownSignaturesAre401AndStoreNothing() {
        String code = "vendor-" + Long.toString(System.nanoTime(), 36);
        String secret = register(code);
        String body = batch(code + "-", 0, 1, "测试帖子");
        assertThat(push(code, "wrong-secret", body, now()).status()).isEqualTo(401);
        assertThat(push(code, secret, body, now() - 3600).status()).isEqualTo(401);
        assertThat(push("no-such-source", secret, body, now()).status()).isEqualTo(401);
        Api.Answer refused = push(code, null, body, now());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(push(code, secret, body, now()).json().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void aHugeBatchIsRefusedWith429AndAcceptedWhenSplit() {
        String code = "vendor-" + Long.toString(System.nanoTime(), 36);
        String secret = register(code);
        Api.Answer refused = push(code, secret, batch(code + "-", 0, 501, "大批量帖子"), now());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("maxBatch").asInt()).isEqualTo(500);
        int accepted = 0;
        for (int from = 0; from < 501; from += 250) {
            accepted += push(code, secret, batch(code + "-", from, Math.min(250, 501 - from), "大批量帖子"), now())
                    .json().get("accepted").asInt();
        }
        assertThat(accepted).isEqualTo(501);
    }

    @Test
    void theBoardPageListsTheTopicWithItsLevelInBothLanguages() {
        String code = "vendor-" + Long.toString(System.nanoTime(), 36);
        String secret = register(code);
        Api.Answer pushed = push(code, secret, batch(code + "-", 0, 30, RunTexts.unique() + "小区外墙瓷砖脱落砸车"), now());
        String topic = pushed.json().get("topics").get(0).asString();

        String level = null;
        for (JsonNode t : api.get("/api/v1/opinion/topics?limit=100", api.login("opinion")).json().get("topics")) {
            if (t.get("id").asString().equals(topic)) {
                level = t.get("level").asString();
            }
        }
        assertThat(level).isEqualTo("RED"); // 30 posts of 30 authors within minutes
        var page = cn.civicloop.support.PageSession.login(port(), "opinion").get("/opinion");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("舆情热点").contains("topic-" + topic).contains("level-RED").contains("红色")
                .doesNotContain("张三丰");
        var english = cn.civicloop.support.PageSession.login(port(), "leader").get("/opinion?lang=en");
        assertThat(english.body()).contains("Online opinion: hot topics").contains("topic-" + topic);
        assertThat(cn.civicloop.support.PageSession.login(port(), "operator").get("/opinion").statusCode())
                .isEqualTo(403);
    }

    @Test
    void onlyTheOpinionOfficerRegistersSources() {
        assertThat(api.post("/api/v1/opinion/sources", api.login("operator"),
                Map.of("code", "x-source", "name", "x", "kind", "PUSH")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/opinion/topics", api.login("leader")).status()).isEqualTo(200);
    }
}
