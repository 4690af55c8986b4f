package cn.civicloop.roads.internal.whistles;

import java.util.List;

/**
 * What decides who sees one whistle: who blew it, where (area, segment and the segment's squad) and whom it named,
 * and the road inspectors of its segment.
 */
record WhistleFacts(long blowerStaffId, Long areaId, Long segmentId, Long segmentSquadId, List<Long> named,
        List<Long> segmentInspectors) {
}
