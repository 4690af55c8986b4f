package cn.civicloop.planning.internal.model;

/**
 * Equirectangular projection of WGS84 degrees onto a plane in kilometres around a reference point. Over a city
 * (≤ 30 km) its distance error is far below a street's width, which is all the analysis needs.
 */
public record LocalProjection(double originLat, double originLon) {

    private static final double KM_PER_DEGREE_LAT = 110.574;
    private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.320;

    public PlanePoint toPlane(double lat, double lon) {
        double kmPerDegreeLon = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(originLat));
        return new PlanePoint((lon - originLon) * kmPerDegreeLon, (lat - originLat) * KM_PER_DEGREE_LAT);
    }
}
