package cn.civicloop.partner.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.hibernate.validator.constraints.time.DurationMin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/**
 * Settings of the partner API ({@code civicloop.partner.*}).
 *
 * @param tokenLifetime   how long a bearer token lives (never beyond its key's expiry)
 * @param keyValidity     how long a newly issued key is valid
 * @param maxOverlapHours the longest overlap a rotation may give the previous keys
 * @param defaultPageSize cases per page when the system names no {@code limit}
 * @param maxPageSize     the largest {@code limit} accepted; larger is refused (400), not cut
 * @param demoClient      the {@code demo} profile only: seed a client of 人保财险 with the secret published in
 *                        docs/partner.md
 * @param webhook         the delivery of webhooks
 */
@ConfigurationProperties("civicloop.partner")
@Validated
public record PartnerProperties(@DefaultValue("PT15M") Duration tokenLifetime,
        @DefaultValue("P365D") Duration keyValidity,
        @DefaultValue("720") @Min(0) int maxOverlapHours,
        @DefaultValue("50") @Min(1) @Max(500) int defaultPageSize,
        @DefaultValue("200") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue("false") boolean demoClient,
        @DefaultValue @Valid Webhook webhook) {

    /**
     * @param connectTimeout how long to wait for the receiver to accept the connection
     * @param readTimeout    how long to wait for its answer; a slower receiver is a failed attempt
     * @param poolSize       the threads that send (a bounded pool of its own: slow receivers hold these, nothing else)
     * @param pollInterval   how often the outbox is looked at for due deliveries (one instance of a cluster at a time)
     * @param batchSize      the most deliveries taken per look
     * @param backoff        the pauses after the 1st, 2nd, … failed attempt (the last repeats)
     * @param maxAttempts    attempts before a delivery becomes a dead letter
     * @param retention      a delivery DELIVERED longer ago than this is deleted (ADR 0064); pending and dead ones
     *                       never are. At least 30 days: far beyond any resubmission of the event behind it
     * @param retentionCheck how often the deletion task runs (one instance of a cluster at a time)
     */
    public record Webhook(@DefaultValue("PT2S") Duration connectTimeout,
            @DefaultValue("PT5S") Duration readTimeout,
            @DefaultValue("4") @Min(1) @Max(64) int poolSize,
            @DefaultValue("PT2S") Duration pollInterval,
            @DefaultValue("50") @Min(1) int batchSize,
            @DefaultValue({"PT1M", "PT5M", "PT30M", "PT2H", "PT6H"}) @NotEmpty List<Duration> backoff,
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("P180D") @DurationMin(days = 30) Duration retention,
            @DefaultValue("PT1H") Duration retentionCheck) {
    }
}
