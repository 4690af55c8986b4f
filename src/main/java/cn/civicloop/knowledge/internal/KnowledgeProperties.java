package cn.civicloop.knowledge.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the knowledge base ({@code civicloop.knowledge.*}).
 *
 * @param suggestions      how many articles the phone registration page and the case page suggest
 * @param searchLimit      the most articles one API search returns
 * @param demoArticles     load the demo district's articles into an empty knowledge base at start (demo and tests)
 * @param formLetterDays   a reply is compared with the replies of the same department of this many days before it
 * @param formLetterBits   two replies whose 64-bit prints differ in at most this many bits are near-identical
 * @param formLetterLimit  the most earlier replies one comparison reads (newest first)
 */
@ConfigurationProperties("civicloop.knowledge")
@Validated
public record KnowledgeProperties(
        @DefaultValue("5") @Min(1) @Max(20) int suggestions,
        @DefaultValue("20") @Min(1) @Max(100) int searchLimit,
        @DefaultValue("false") boolean demoArticles,
        @DefaultValue("90") @Min(1) @Max(730) int formLetterDays,
        @DefaultValue("3") @Min(0) @Max(16) int formLetterBits,
        @DefaultValue("5000") @Min(10) @Max(100000) int formLetterLimit) {
}
