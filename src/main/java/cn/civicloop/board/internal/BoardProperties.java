package cn.civicloop.board.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the public board ({@code civicloop.board.*}).
 *
 * @param refresh  how old the served snapshot may be before a request triggers its rebuild (one at a time)
 * @param pageSize cases per page of the board's list
 * @param months   months of department figures shown, the current one included
 */
@ConfigurationProperties("civicloop.board")
@Validated
public record BoardProperties(
        @DefaultValue("1m") Duration refresh,
        @DefaultValue("20") @Min(1) @Max(100) int pageSize,
        @DefaultValue("2") @Min(1) @Max(12) int months) {
}
