package cn.civicloop.geo;

/** Great-circle distance for assertions in metres, where a test's tolerance means something to a reader. */
final class Distances {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Distances() {
    }

    static double metres(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }
}
