package cn.civicloop.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.civicloop.notify.ResidentChannel;
import cn.civicloop.notify.ResidentMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each message to an SMS/WeChat gateway over HTTP: POST of {@code {caseNumber, channel, recipient, text}}
 * as JSON to {@code civicloop.notify.webhook.url}. Any answer but 2xx, or no answer within the timeout, is a
 * failed attempt.
 */
@Component
@ConditionalOnProperty(name = "civicloop.notify.webhook.url")
class WebhookResidentChannel implements ResidentChannel {

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;

    WebhookResidentChannel(NotifyProperties properties, JsonMapper json) {
        this.url = URI.create(properties.webhook().url());
        this.timeout = properties.webhook().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(ResidentMessage message) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNumber", message.caseNumber());
        body.put("channel", message.channel());
        body.put("recipient", message.recipient());
        body.put("text", message.text());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("webhook answered HTTP " + answer.statusCode());
        }
    }
}
