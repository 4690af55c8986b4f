package cn.civicloop.roads;

import java.time.Instant;
import java.util.List;

/**
 * A chief or a street office blew the whistle (吹哨) on a major hazard and named the departments that must report on
 * site (报到). Carries no free text and not the whistle-blower's name: where, whom, and by when.
 *
 * @param areaCode        the road area (路段片区), null when none was given or known
 * @param segmentCode     the road segment, null when the whistle names none
 * @param departmentCodes the named departments (directory codes)
 * @param blowerLevel     the whistle-blower's chief level (1 or 2), null for a street office
 */
public record WhistleBlown(long id, String areaCode, String segmentCode, List<String> departmentCodes,
        Integer blowerLevel, Instant ackDue, Instant reportDue, Instant occurredAt) {
}
