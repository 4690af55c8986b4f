package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import cn.civicloop.notify.ResidentMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook channel against a tiny gateway on the loopback interface. */
class WebhookResidentChannelTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(202);
    private HttpServer gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void postsTheMessageAsJson() throws Exception {
        channel("/sms").send(new ResidentMessage("SZ-20260101-000001", "WECHAT", "13812345678", "您的诉求已受理"));
        JsonNode body = JSON.readTree(received.get(0));
        assertThat(body.get("caseNumber").asString()).isEqualTo("SZ-20260101-000001");
        assertThat(body.get("channel").asString()).isEqualTo("WECHAT");
        assertThat(body.get("recipient").asString()).isEqualTo("13812345678");
        assertThat(body.get("text").asString()).isEqualTo("您的诉求已受理");
    }

    @Test
    void anAnswerOtherThan2xxIsAFailedAttempt() {
        answer.set(503);
        assertThatThrownBy(() -> channel("/sms").send(new ResidentMessage("SZ-1", null, "1", "x")))
                .isInstanceOf(IOException.class).hasMessageContaining("503");
        assertThat(received).hasSize(1);
    }

    private WebhookResidentChannel channel(String path) {
        String url = "http://127.0.0.1:" + gateway.getAddress().getPort() + path;
        var properties = new NotifyProperties("webhook", Duration.ofSeconds(10), List.of(Duration.ofMinutes(1)), 4, 50,
                new NotifyProperties.Webhook(url, Duration.ofSeconds(2)), Duration.ofDays(180), Duration.ofHours(1),
                Duration.ofDays(180));
        return new WebhookResidentChannel(properties, JSON);
    }
}
