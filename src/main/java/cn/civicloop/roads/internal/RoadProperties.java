package cn.civicloop.roads.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the road-chief module ({@code civicloop.roads.*}).
 *
 * @param snapTolerance      a point farther than this from every segment (metres) is on no road
 * @param coverageShare      a segment counts as patrolled in a period when the snapped track points span at
 *                           least this share of its length (0 = one point is enough)
 * @param answerWithin       how long a chief may leave an issue passed to him unanswered before it goes one level
 *                           up by itself (per holding level: 3 → 2 and 2 → 1)
 * @param answerWithinLevel2 the same for an issue held by a second-level chief, when it should differ
 * @param whistleAckLimit    a named department must acknowledge a whistle within this time
 * @param whistleReportLimit and report on site (报到) within this time
 * @param seedNetwork        load the demo road network on an empty database
 */
@ConfigurationProperties("civicloop.roads")
public record RoadProperties(@DefaultValue("30") double snapTolerance,
        @DefaultValue("0.3") double coverageShare,
        @DefaultValue("2h") Duration answerWithin,
        Duration answerWithinLevel2,
        @DefaultValue("10m") Duration whistleAckLimit,
        @DefaultValue("30m") Duration whistleReportLimit,
        @DefaultValue("true") boolean seedNetwork) {

    /** How long the holder at {@code level} has before the issue goes up. */
    public Duration answerWithin(int level) {
        return level == 2 && answerWithinLevel2 != null ? answerWithinLevel2 : answerWithin;
    }
}
