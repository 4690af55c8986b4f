package cn.civicloop.geo;

/**
 * Conversion between WGS84 and GCJ-02, the datum Chinese map SDKs report. GCJ-02 is WGS84 plus a deliberately
 * irregular, non-invertible-in-closed-form offset of a few hundred metres; only the forward formula is published
 * (reverse-engineered and widely reused), so WGS84 is recovered by iterating it.
 */
public final class ChinaDatum {

    // Krasovsky 1940 ellipsoid: the formula was defined on it, so using WGS84's axes would shift results slightly.
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    // 1e-10 degrees is about 0.01 mm: far below the 0.1 m we promise, and reached in 3-5 iterations.
    private static final double CONVERGED_DEGREES = 1e-10;
    private static final int MAX_ITERATIONS = 30;

    private ChinaDatum() {
    }

    /** The point in WGS84, whatever datum it was reported in. */
    public static GeoPoint toWgs84(GeoPoint p, Datum from) {
        return switch (from) {
            case WGS84 -> p;
            case GCJ02 -> gcj02ToWgs84(p);
        };
    }

    /** Applies the GCJ-02 offset; points outside China's rough bounding box are returned unchanged, as SDKs do. */
    public static GeoPoint wgs84ToGcj02(GeoPoint wgs) {
        if (outsideChina(wgs.lat(), wgs.lon())) {
            return wgs;
        }
        double[] d = offset(wgs.lat(), wgs.lon());
        return new GeoPoint(wgs.lat() + d[0], wgs.lon() + d[1]);
    }

    /**
     * Inverts {@link #wgs84ToGcj02} by fixed-point iteration. The common one-step inverse (subtract the offset
     * computed at the GCJ point) is only good to a few metres, because the offset varies across its own size;
     * since that variation is tiny relative to the offset, the iteration contracts quickly to sub-millimetre.
     */
    public static GeoPoint gcj02ToWgs84(GeoPoint gcj) {
        if (outsideChina(gcj.lat(), gcj.lon())) {
            return gcj;
        }
        double lat = gcj.lat();
        double lon = gcj.lon();
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] d = offset(lat, lon);
            double errLat = lat + d[0] - gcj.lat();
            double errLon = lon + d[1] - gcj.lon();
            lat -= errLat;
            lon -= errLon;
            if (Math.abs(errLat) < CONVERGED_DEGREES && Math.abs(errLon) < CONVERGED_DEGREES) {
                break;
            }
        }
        return new GeoPoint(lat, lon);
    }

    private static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** {dLat, dLon} in degrees to add to a WGS84 position. */
    private static double[] offset(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = shiftNorth(x, y);
        double dLon = shiftEast(x, y);
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        // The shifts come out in metres; divide by the meridian / parallel radius of curvature to get degrees.
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLat, dLon};
    }

    private static double shiftNorth(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double shiftEast(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
