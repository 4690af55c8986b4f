package cn.civicloop.cases;

/**
 * An operator's confirmation or correction of a case's place: the point (WGS84) he pinned or picked, the area codes
 * it lies in (the caller locates it), the standard address when he picked one, and why.
 */
public record PlaceFix(double lat, double lon, String streetCode, String communityCode, String gridCode,
        String label, String reason) {
}
