package cn.civicloop.roads.internal;

import org.locationtech.jts.geom.Coordinate;

/**
 * A local flat frame in metres around a reference latitude. At 34.9° N a degree of longitude is about 91.4 km
 * but a degree of latitude about 110.9 km, so distances in degrees would stretch east–west tolerances by a
 * fifth; the district spans a few kilometres, where this equirectangular frame errs by well under a metre.
 * Metres per degree follow the WGS84 ellipsoid series.
 */
public final class MetricFrame {

    private final double lat0;
    private final double lon0;
    private final double metresPerDegreeLat;
    private final double metresPerDegreeLon;

    public MetricFrame(double lat0, double lon0) {
        this.lat0 = lat0;
        this.lon0 = lon0;
        double phi = Math.toRadians(lat0);
        this.metresPerDegreeLat = 111132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi)
                - 0.0023 * Math.cos(6 * phi);
        this.metresPerDegreeLon = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
    }

    /** lon/lat degrees → x/y metres. */
    public Coordinate toMetres(double lon, double lat) {
        return new Coordinate((lon - lon0) * metresPerDegreeLon, (lat - lat0) * metresPerDegreeLat);
    }

    /** x/y metres → lon/lat degrees (as x = lon, y = lat). */
    public Coordinate toDegrees(Coordinate metres) {
        return new Coordinate(lon0 + metres.x / metresPerDegreeLon, lat0 + metres.y / metresPerDegreeLat);
    }

    public double metresPerDegreeLat() {
        return metresPerDegreeLat;
    }

    public double metresPerDegreeLon() {
        return metresPerDegreeLon;
    }
}
