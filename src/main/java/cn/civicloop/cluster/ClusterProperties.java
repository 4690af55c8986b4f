package cn.civicloop.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of the signals between the instances of a cluster ({@code civicloop.cluster.*}, ADR 0009).
 *
 * @param signals          the transport: {@code auto} (PostgreSQL LISTEN/NOTIFY when the database is PostgreSQL, in
 *                         process otherwise — H2 serves one instance), {@code postgresql} or {@code in-process}
 * @param caseListInterval the pace of the staff case lists' live stream: a viewer hears at most one "changed" per
 *                         interval, however many cases change (signals are folded, not queued)
 */
@ConfigurationProperties("civicloop.cluster")
@Validated
public record ClusterProperties(
        @NotNull @Pattern(regexp = "auto|postgresql|in-process") @DefaultValue("auto") String signals,
        @NotNull @DefaultValue("PT1S") Duration caseListInterval) {
}
