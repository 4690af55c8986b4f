package cn.civicloop.notify.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification module ({@code civicloop.notify.*}).
 *
 * @param residentChannel  the {@link cn.civicloop.notify.ResidentChannel} new messages go through: {@code log} or
 *                         {@code webhook} (or the name of any other channel bean)
 * @param deliveryInterval pause between two runs of the outbox delivery task
 * @param retryBackoff     wait after the 1st, 2nd, ... failed attempt; the last value repeats if needed
 * @param maxAttempts      attempts before a message is given up as FAILED
 * @param batchSize        messages sent per run at most, so one run never holds the task for long
 * @param webhook          the HTTP gateway of the webhook channel
 */
@ConfigurationProperties("civicloop.notify")
public record NotifyProperties(@DefaultValue("log") String residentChannel,
        @DefaultValue("10s") Duration deliveryInterval,
        @DefaultValue({"1m", "5m", "30m"}) List<Duration> retryBackoff,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("50") int batchSize,
        @DefaultValue Webhook webhook) {

    /**
     * @param url     where messages are POSTed as JSON; the webhook channel exists only when this is set
     * @param timeout connect and answer timeout of one request
     */
    public record Webhook(String url, @DefaultValue("5s") Duration timeout) {
    }
}
