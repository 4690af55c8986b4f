package cn.civicloop.notify.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.hibernate.validator.constraints.time.DurationMin;

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
 * @param sentRetention    a message SENT longer ago than this is deleted (ADR 0064); PENDING and FAILED ones never
 *                         are. At least 30 days: far beyond any resubmission of the event that caused it, so a deleted
 *                         message's idempotency key is never needed again
 * @param retentionCheck   pause between two runs of each deletion task, the outbox's and the inbox's (one instance of
 *                         the cluster runs each)
 * @param inboxRetention   a staff letter written longer ago than this is deleted, read or not: it only points to a case
 *                         (or topic, alert, footage request) whose state and history are kept there. At least 30 days,
 *                         for the same reason as the sent messages
 */
@ConfigurationProperties("civicloop.notify")
@Validated
public record NotifyProperties(@DefaultValue("log") String residentChannel,
        @DefaultValue("10s") Duration deliveryInterval,
        @DefaultValue({"1m", "5m", "30m"}) List<Duration> retryBackoff,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("50") int batchSize,
        @DefaultValue Webhook webhook,
        @DefaultValue("P180D") @DurationMin(days = 30) Duration sentRetention,
        @DefaultValue("PT1H") Duration retentionCheck,
        @DefaultValue("P180D") @DurationMin(days = 30) Duration inboxRetention) {

    /**
     * @param url     where messages are POSTed as JSON; the webhook channel exists only when this is set
     * @param timeout connect and answer timeout of one request
     */
    public record Webhook(String url, @DefaultValue("5s") Duration timeout) {
    }
}
