package cn.civicloop.cases.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the partitions of the cases' timeline and photos on PostgreSQL ({@code civicloop.cases.partitions.*},
 * ADR 0051): blocks of case ids, kept ahead of the highest case id by the task {@code case-partitions}.
 *
 * @param blockSize   case ids per partition of the blocks the task creates (the migration V480 made its first blocks
 *                    of 1,000,000); at least 1,000
 * @param blocksAhead empty blocks kept above the block of the highest case id, so an insert never lacks its partition
 * @param checkEvery  pause between two runs of the task (one instance of the cluster runs it)
 */
@ConfigurationProperties("civicloop.cases.partitions")
@Validated
public record CasePartitionsProperties(@DefaultValue("1000000") @Min(1000) long blockSize,
        @DefaultValue("2") @Min(1) @Max(12) int blocksAhead, @NotNull @DefaultValue("PT1H") Duration checkEvery) {
}
