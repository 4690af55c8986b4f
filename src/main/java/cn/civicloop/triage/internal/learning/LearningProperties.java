package cn.civicloop.triage.internal.learning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the import of historical work orders and of training ({@code civicloop.triage.learning.*}).
 *
 * @param maxUpload       the largest file taken; a larger one is refused (413) before its first byte is read
 * @param batchSize       examples written per insert batch while a file streams in
 * @param minExamples     training needs at least this many examples ...
 * @param minCategories   ... in at least this many categories
 * @param heldOutPercent  share of the examples kept out of training to compare the candidate with the model in service
 * @param staleAfter      a run or an import whose instance has not reported for this long is marked failed
 * @param badRowsListed   bad rows listed in an import's report (all are counted)
 * @param outcomesRead    newest case outcomes read into one training (a bounded read of the loop's history)
 * @param outcomeWeight   how many times a closed case's outcome counts against one manual correction
 */
@ConfigurationProperties("civicloop.triage.learning")
@Validated
public record LearningProperties(@DefaultValue("1GB") @NotNull DataSize maxUpload,
        @DefaultValue("1000") @Min(1) int batchSize,
        @DefaultValue("50") @Min(2) int minExamples,
        @DefaultValue("2") @Min(2) int minCategories,
        @DefaultValue("20") @Min(5) @Max(50) int heldOutPercent,
        @DefaultValue("PT60S") @NotNull Duration staleAfter,
        @DefaultValue("200") @Min(1) int badRowsListed,
        @DefaultValue("200000") @Min(1) int outcomesRead,
        @DefaultValue("2") @Min(1) int outcomeWeight) {
}
