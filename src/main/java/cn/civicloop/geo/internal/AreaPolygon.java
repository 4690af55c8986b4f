package cn.civicloop.geo.internal;

import cn.civicloop.geo.AreaRef;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * One area as read from the file. The original GeoJSON geometry is kept so maps get the published coordinates back
 * byte for byte instead of a re-serialised JTS geometry.
 */
record AreaPolygon(AreaRef ref, String parentCode, boolean demo, Geometry geometry, JsonNode geometryJson) {

    String code() {
        return ref.code();
    }

    String describe() {
        return ref.level().name().toLowerCase(Locale.ROOT) + " " + ref.code() + " (" + ref.name() + ")";
    }
}
