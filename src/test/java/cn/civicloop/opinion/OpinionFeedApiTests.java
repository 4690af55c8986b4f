package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpServer;

import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Feeds served by the test itself: items become posts once, the second poll is a conditional GET answered 304, and a
 * failing feed shows unhealthy with a later retry while a good feed polled in the same round is read.
 */
class OpinionFeedApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private HttpServer server;
    private final List<String> conditional = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/good.xml", exchange -> {
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            if ("\"v1\"".equals(etag)) {
                conditional.add(etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                    + "<item><guid>g1</guid><title>滨河公园健身器材损坏</title><link>https://ex.cn/1</link>"
                    + "<pubDate>" + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.now()) + "</pubDate></item></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/bad.xml", exchange -> {
            byte[] body = "<rss><channel><item>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JsonNode source(String code) {
        for (JsonNode s : api.get("/api/v1/opinion/sources", api.login("opinion")).json()) {
            if (s.get("code").asString().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no source " + code);
    }

    @Test
    void aGoodFeedIsReadOnceAndConditionallyAFailingOneBacksOffWithoutBlockingIt() {
        String officer = api.login("opinion");
        String suffix = Long.toString(System.nanoTime(), 36);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        assertThat(api.post("/api/v1/opinion/sources", officer, Map.of("code", "bad-" + suffix, "name", "坏源",
                "kind", "FEED", "feedUrl", base + "/bad.xml")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/opinion/sources", officer, Map.of("code", "good-" + suffix, "name", "好源",
                "kind", "FEED", "feedUrl", base + "/good.xml", "pollMinutes", 5)).status()).isEqualTo(201);

        assertThat(api.post("/api/v1/opinion/feeds/poll", officer, Map.of()).status()).isEqualTo(200);

        JsonNode bad = source("bad-" + suffix);
        assertThat(bad.get("healthy").asBoolean()).isFalse();
        assertThat(bad.get("failures").asInt()).isEqualTo(1);
        assertThat(bad.get("lastError").asString()).contains("feed");
        JsonNode good = source("good-" + suffix);
        assertThat(good.get("healthy").asBoolean()).isTrue();
        assertThat(good.get("lastSuccessAt").isNull()).isFalse();
        long id = good.get("id").asLong();
        assertThat(jdbc.sql("select count(*) from opinion_post where source_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from opinion_source where id = ? and next_poll_at is not null")
                .param(bad.get("id").asLong()).query(Long.class).single()).isEqualTo(1);

        // make the good feed due again: the poll sends its ETag and stores nothing new
        jdbc.sql("update opinion_source set next_poll_at = null where id = ?").param(id).update();
        api.post("/api/v1/opinion/feeds/poll", officer, Map.of());
        assertThat(conditional).containsExactly("\"v1\"");
        assertThat(jdbc.sql("select count(*) from opinion_post where source_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);
    }
}
