package cn.civicloop.geo;

/**
 * A position in WGS84 degrees (what GPS and GeoJSON use). Points in the GCJ-02 datum must be converted with
 * {@link ChinaDatum} before they become a {@code GeoPoint} used for lookups.
 */
public record GeoPoint(double lat, double lon) {

    /** The Earth's mean radius R₁ = (2a + b) / 3 of WGS84, in metres (IUGG), for great-circle distances. */
    public static final double MEAN_EARTH_RADIUS_METRES = 6_371_008.8;

    public GeoPoint {
        // Reject early: a NaN or swapped lat/lon would otherwise silently locate to "outside the district".
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude must be a finite number of degrees in [-90, 90], was " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude must be a finite number of degrees in [-180, 180], was " + lon);
        }
    }

    /**
     * The great-circle distance to {@code other} in metres on a sphere of the mean Earth radius (haversine, stable
     * for short distances). Within about 0.5 % of the distance on the WGS84 ellipsoid.
     */
    public double metresTo(GeoPoint other) {
        return metres(lat, lon, cosLatitude(lat), other.lat, other.lon, cosLatitude(other.lat));
    }

    /**
     * {@link #metresTo} between two positions given in degrees with their {@link #cosLatitude}, bit for bit the same
     * result: for a caller that compares one point with thousands, each cosine computed once per point instead of
     * twice per pair. No checks: the positions must be valid ones, e.g. checked once by making a {@code GeoPoint}.
     */
    public static double metres(double lat, double lon, double cosLat, double otherLat, double otherLon,
            double otherCosLat) {
        double dLat = Math.toRadians(otherLat - lat);
        double dLon = Math.toRadians(otherLon - lon);
        double sinLat = Math.sin(dLat / 2);
        double sinLon = Math.sin(dLon / 2);
        double h = sinLat * sinLat + cosLat * otherCosLat * sinLon * sinLon;
        return 2 * MEAN_EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** The cosine of a latitude in degrees, as {@link #metres} wants it. */
    public static double cosLatitude(double lat) {
        return Math.cos(Math.toRadians(lat));
    }
}
