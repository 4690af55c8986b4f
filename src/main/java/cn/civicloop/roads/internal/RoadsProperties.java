package cn.civicloop.roads.internal;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the road-chief module ({@code civicloop.roads.*}).
 *
 * @param snapTolerance      a point farther than this many metres from every segment is on no road (default 30)
 * @param coverageShare      a segment counts as patrolled in a period when its snapped track points span at least
 *                           this share of its length; 0 = one point on it is enough (default 0.3)
 * @param answerWithin       how long a chief may leave an issue passed to him unanswered before it goes one level up
 *                           by itself (3 → 2, 2 → 1) or, at level 1, is marked overdue (default 2h)
 * @param answerWithinLevel2 the same for an issue held by a second-level chief, when it should differ (default: as
 *                           {@code answer-within})
 * @param whistleAckLimit    a department named by a whistle must acknowledge it within this time (default 10m)
 * @param whistleReportLimit and report on site (报到) within this time (default 30m)
 * @param seedNetwork        load the demo road network (areas, squads, chiefs, segments) on a database without road
 *                           areas (default true)
 */
@Validated
@ConfigurationProperties("civicloop.roads")
public record RoadsProperties(@DefaultValue("30") @DecimalMin("0") double snapTolerance,
        @DefaultValue("0.3") @DecimalMin("0") @DecimalMax("1") double coverageShare,
        @DefaultValue("2h") @NotNull @DurationMin(minutes = 1) Duration answerWithin,
        @DurationMin(minutes = 1) Duration answerWithinLevel2,
        @DefaultValue("10m") @NotNull @DurationMin(minutes = 1) Duration whistleAckLimit,
        @DefaultValue("30m") @NotNull @DurationMin(minutes = 1) Duration whistleReportLimit,
        @DefaultValue("true") boolean seedNetwork) {

    /** How long the holder at {@code level} has before the issue goes up (or, at level 1, is overdue). */
    public Duration answerWithin(int level) {
        return level == 2 && answerWithinLevel2 != null ? answerWithinLevel2 : answerWithin;
    }
}
