package cn.civicloop.places;

/**
 * One answer of the geocoder: a place of the gazetteer and how sure the match is.
 *
 * @param code       the gazetteer code (for an intersection, the two road codes joined by {@code &})
 * @param label      the standard address as shown to people ("广济路12号", "君山花园3号楼2单元")
 * @param level      how precisely it names the place
 * @param lat        WGS84 latitude of the stored point (never interpolated)
 * @param lon        WGS84 longitude
 * @param confidence 0..1: 1 an exact match of every part typed; below the configured threshold it is not offered
 * @param community  code of the community the point lies in (null outside every area)
 * @param grid       code of the grid
 */
public record PlaceCandidate(String code, String label, PlaceLevel level, double lat, double lon, double confidence,
        String community, String grid) {
}
