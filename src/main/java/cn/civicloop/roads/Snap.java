package cn.civicloop.roads;

/**
 * Where a point lies on the road network: its segment, how far the point is from it (metres), the nearest point
 * of the segment (WGS84) and how far along the segment that point is (metres from its first vertex).
 */
public record Snap(long segmentId, String segmentCode, String roadName, double distanceMetres, double nearestLat,
        double nearestLon, double alongMetres) {
}
