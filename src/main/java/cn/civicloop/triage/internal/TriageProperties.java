package cn.civicloop.triage.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of triage ({@code civicloop.triage.*}).
 *
 * @param autoAssign      assign a case by itself when triage is sure (a hazard rule matched, or the classifier
 *                        reached the threshold and a routing rule names a department); off: every case waits for a
 *                        dispatcher, with the same suggestions and hazard flags
 * @param autoThreshold   the classifier's confidence (0–1) from which its top category is assigned by itself, for a
 *                        category without a threshold of its own in the category tree; reaching it is enough
 * @param concurrency     new cases classified at once on this instance; 0 = half the cores, at least one
 * @param seedCorpus      the training file of the first model on an empty database
 * @param catalogueFile   the routing rules loaded into an empty catalogue
 * @param hazardRulesFile the hazard and linkage rules loaded once, when the catalogue never had its defaults
 *                        (every department it names must exist in the directory)
 * @param duplicates      the search for the same event reported twice
 */
@ConfigurationProperties("civicloop.triage")
@Validated
public record TriageProperties(@DefaultValue("true") boolean autoAssign,
        @DefaultValue("0.93") @DecimalMin("0.0") @DecimalMax("1.0") double autoThreshold,
        @DefaultValue("0") @Min(0) int concurrency,
        @DefaultValue("classpath:routing/seed-corpus.csv") @NotNull Resource seedCorpus,
        @DefaultValue("classpath:triage/demo-catalogue.csv") @NotNull Resource catalogueFile,
        @DefaultValue("classpath:triage/demo-hazard-rules.yml") @NotNull Resource hazardRulesFile,
        @DefaultValue @Valid Duplicates duplicates) {

    /**
     * How a new case is compared with the open cases of the last days.
     *
     * @param similarity        the text similarity (estimated Jaccard of character shingles, 0–1) from which two
     *                          cases are likely the same event
     * @param maxDistanceMeters two points farther apart than this are not the same event
     * @param window            how far back open cases are compared
     * @param signaturesKept    text signatures kept in memory per instance; older ones are computed again when needed
     */
    public record Duplicates(@DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double similarity,
            @DefaultValue("500") @DecimalMin("0.0") double maxDistanceMeters,
            @DefaultValue("PT72H") @NotNull Duration window,
            @DefaultValue("12000") @Min(1) int signaturesKept) {
    }
}
