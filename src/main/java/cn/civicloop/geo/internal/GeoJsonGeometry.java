package cn.civicloop.geo.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Turns GeoJSON Polygon / MultiPolygon objects into JTS geometries. Areas are never points or lines, so anything
 * else is refused rather than half-supported; this also spares a dependency on jts-io for two geometry types.
 */
final class GeoJsonGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
    }

    static Geometry parse(JsonNode geometry) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[array(coordinates, "MultiPolygon").size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i));
                }
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("geometry must be a Polygon or MultiPolygon, was '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        int count = array(rings, "Polygon").size();
        if (count == 0) {
            throw new IllegalArgumentException("a Polygon needs at least an exterior ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[count - 1];
        for (int i = 1; i < count; i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[array(positions, "ring").size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException("a position must be [lon, lat], was " + position);
            }
            double lon = position.get(0).doubleValue();
            double lat = position.get(1).doubleValue();
            // Catches files written in lat/lon order, the most common GeoJSON mistake.
            if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                throw new IllegalArgumentException("position " + position + " is not [lon, lat] in WGS84 degrees");
            }
            coordinates[i] = new Coordinate(lon, lat);
        }
        // createLinearRing itself rejects open rings and rings of fewer than 4 positions.
        return FACTORY.createLinearRing(coordinates);
    }

    private static JsonNode array(JsonNode node, String what) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(what + " coordinates must be an array, was " + node);
        }
        return node;
    }
}
