package cn.civicloop.cameras;

import java.util.List;

/** The camera registry as other modules read it. */
public interface Cameras {

    /**
     * The cameras within {@code radiusMeters} of the WGS84 point, nearest first (ties by code), at most
     * {@code limit}; offline and maintenance cameras included, with their status.
     */
    List<NearbyCamera> nearest(double lat, double lon, double radiusMeters, int limit);
}
