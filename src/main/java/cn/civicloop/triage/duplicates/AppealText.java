package cn.civicloop.triage.duplicates;

import java.time.Instant;

/**
 * What duplicate detection needs to know about one appeal, whatever channel it came through (hotline, WeChat,
 * online opinion). Every field but {@code id} may be missing: channels differ in what they capture.
 * Coordinates must all be in one datum (WGS84, see {@code geo.ChinaDatum}): GCJ-02 is offset by several hundred
 * metres, as much as the distance threshold itself.
 */
public record AppealText(String id, String title, String content, Double lat, Double lon, String gridCode,
        String communityCode, Instant reportedAt) {

    boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
