package cn.civicloop.partner.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * One POST of a delivery to the agency's receiver, signed: {@code X-CivicLoop-Signature: v1=<hex HMAC-SHA256 of
 * timestamp + "." + body>} with the client's webhook secret, the timestamp (Unix seconds) in
 * {@code X-CivicLoop-Timestamp}, so that a receiver can refuse a replayed old message. Any answer but 2xx, no
 * connection within the connect timeout or no answer within the read timeout is a failed attempt.
 */
@Component
class WebhookSender {

    static final String SIGNATURE = "X-CivicLoop-Signature";
    static final String TIMESTAMP = "X-CivicLoop-Timestamp";
    static final String EVENT = "X-CivicLoop-Event";
    static final String DELIVERY = "X-CivicLoop-Delivery";

    private final HttpClient http;
    private final PartnerProperties.Webhook settings;
    private final Clock clock;

    WebhookSender(PartnerProperties properties, Clock clock) {
        this.settings = properties.webhook();
        this.clock = clock;
        // the client's own threads only wait on sockets; redirects are not followed (the address is the admin's word)
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(PartnerRegistry.Endpoint endpoint, WebhookOutbox.Due due) throws IOException, InterruptedException {
        byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(EVENT, due.eventType())
                .header(DELIVERY, due.eventId())
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, "v1=" + Secrets.sign(endpoint.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("receiver answered HTTP " + answer.statusCode());
        }
    }
}
