package cn.civicloop.evaluation.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the evaluation module ({@code civicloop.evaluation.*}).
 *
 * @param repeatWindow    a closed case counts as repeated (重复投诉) when it is reopened, or a duplicate of it is
 *                        merged, within this long after its closure
 * @param objectionDays   after a period's first publication, objections to its cases are accepted for this many days
 * @param rankingSize     how many subjects the red and black lists (红黑榜) show at the top and at the bottom
 * @param gradeA          lowest composite score of grade A; B, C and D likewise, below D is E
 * @param gradeB          lowest score of grade B
 * @param gradeC          lowest score of grade C
 * @param gradeD          lowest score of grade D
 * @param drillDownLimit  the most cases one page of a drill-down lists (the next page continues after the last)
 */
@ConfigurationProperties("civicloop.evaluation")
@Validated
public record EvaluationProperties(
        @DefaultValue("30d") @NotNull Duration repeatWindow,
        @DefaultValue("5") @Min(0) @Max(60) int objectionDays,
        @DefaultValue("5") @Min(1) @Max(50) int rankingSize,
        @DefaultValue("90") double gradeA,
        @DefaultValue("75") double gradeB,
        @DefaultValue("60") double gradeC,
        @DefaultValue("40") double gradeD,
        @DefaultValue("200") @Min(10) @Max(5000) int drillDownLimit) {

    /** The grade of a composite score, {@code null} for no score. */
    public String grade(Double score) {
        if (score == null) {
            return null;
        }
        return score >= gradeA ? "A" : score >= gradeB ? "B" : score >= gradeC ? "C" : score >= gradeD ? "D" : "E";
    }
}
