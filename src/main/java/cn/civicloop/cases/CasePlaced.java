package cn.civicloop.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The district centre confirmed or corrected where a case is (位置更正): the case now lies at the point and in the
 * areas given, "place to confirm" is settled. Published in the correction's transaction, for the modules that keep
 * a case's place beside their own figures (the board's street and community, the daily figures' street). The
 * timeline keeps who, when and why.
 *
 * @param previousStreetCode the street or town the case was counted in before, null when it had none
 * @param streetCode         the street or town it lies in now, null when the point lies in none
 */
public record CasePlaced(String number, double lat, double lon, String streetCode, String communityCode,
        String gridCode, String previousStreetCode, Instant occurredAt) {

    /** Whether the case moved to another street or town (figures kept per street change with it). */
    public boolean streetChanged() {
        return !Objects.equals(previousStreetCode, streetCode);
    }
}
