package cn.civicloop.ops.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of operations, bound at {@code civicloop.events} (the keys are older than the module): the resubmission of
 * event publications between modules that stayed incomplete, and the deletion of completed ones after a retention.
 *
 * @param resubmitAfter a publication incomplete for longer than this is resubmitted (its listener never finished:
 *                      the instance died, or the listener failed); long enough to leave alone what a live instance is
 *                      still processing
 * @param resubmitCheck pause between two runs of the resubmission task (one instance of the cluster runs it)
 * @param completedRetention a publication completed longer ago than this is deleted (nothing reads it again)
 * @param retentionCheck     pause between two runs of the deletion task (one instance of the cluster runs it)
 */
@ConfigurationProperties("civicloop.events")
@Validated
record OpsProperties(@NotNull @DefaultValue("PT2M") Duration resubmitAfter,
        @NotNull @DefaultValue("PT30S") Duration resubmitCheck,
        @NotNull @DefaultValue("P7D") Duration completedRetention,
        @NotNull @DefaultValue("PT1H") Duration retentionCheck) {
}
