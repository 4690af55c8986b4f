package cn.civicloop.geo;

import java.util.List;
import java.util.Optional;

/**
 * The areas of the district and which of them a point lies in. All points are WGS84: convert GCJ-02 input with
 * {@link ChinaDatum#toWgs84(GeoPoint, Datum)} first.
 */
public interface Jurisdictions {

    /**
     * The grid containing the point, with its community and street; empty when the point is outside every grid.
     * A point on a boundary shared by two grids gets one of them, always the same one.
     */
    Optional<Placement> locate(GeoPoint wgs84);

    /** Whether the point lies inside (or on the border of) the district. */
    boolean withinDistrict(GeoPoint wgs84);

    /**
     * A GeoJSON FeatureCollection (WGS84, lon/lat order) of every area of the level, each feature with the
     * properties {@code code}, {@code name}, {@code level}, {@code parent} (code, null for the district) and
     * {@code demo} (true when the polygons are generated demo data, not real boundaries).
     */
    String geoJson(AreaLevel level);

    /** Every area of the level, ordered by code. */
    List<AreaRef> areas(AreaLevel level);
}
