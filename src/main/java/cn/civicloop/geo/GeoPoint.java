package cn.civicloop.geo;

/**
 * A position in WGS84 degrees (what GPS and GeoJSON use). Points in the GCJ-02 datum must be converted with
 * {@link ChinaDatum} before they become a {@code GeoPoint} used for lookups.
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        // Reject early: a NaN or swapped lat/lon would otherwise silently locate to "outside the district".
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude must be a finite number of degrees in [-90, 90], was " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude must be a finite number of degrees in [-180, 180], was " + lon);
        }
    }
}
