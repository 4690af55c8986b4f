package cn.civicloop.cases.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.hibernate.validator.constraints.time.DurationMin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the archive of old steps ({@code civicloop.cases.archive-*}, ADR 0065): the steps of a case ended
 * longer than {@code archiveAfter} ago are packed into one row by the task {@code case-steps-archive}.
 *
 * @param archiveAfter   how long after a case ended (closed, declined, voided) its steps are packed; at least
 *                       90 days, which the open311 feed of updates by time reads whole (docs/cases.md)
 * @param archiveBatch   cases whose timeline a run reads at once (each case is packed in its own transaction)
 * @param archiveBatches batches per run at most; the rest waits for the next run
 * @param archiveEvery   pause between two runs of the task (one instance of the cluster runs it)
 */
@ConfigurationProperties("civicloop.cases")
@Validated
public record StepArchiveProperties(
        @NotNull @DefaultValue("P365D") @DurationMin(days = 90, message = "the steps of a case are archived no sooner"
                + " than P90D (90 days) after it ended, so that the open311 updates of the last 90 days read every"
                + " step; set P90D or more (default P365D)") Duration archiveAfter,
        @DefaultValue("500") @Min(1) @Max(10_000) int archiveBatch,
        @DefaultValue("100") @Min(1) int archiveBatches, @NotNull @DefaultValue("PT1H") Duration archiveEvery) {
}
