package cn.civicloop.dispatch.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import cn.civicloop.geo.GeoPoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lays out the 8 blocks of the demo city area from the street polygons (街道, not the towns 镇): every street is a
 * block, and the largest streets are cut in two across their longer side until there are as many blocks as asked.
 * Deterministic, so every instance and every test sees the same blocks.
 */
public final class BlockPlanner {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private record Piece(String streetCode, String name, Geometry shape) {
    }

    /** @param streetsGeoJson the STREET level FeatureCollection of {@code Jurisdictions.geoJson} */
    public static List<Block> plan(String streetsGeoJson, int blocks) {
        List<Piece> pieces = new ArrayList<>();
        for (JsonNode f : JsonMapper.builder().build().readTree(streetsGeoJson).get("features")) {
            String name = f.get("properties").get("name").asString();
            if (name.endsWith("街道")) {
                pieces.add(new Piece(f.get("properties").get("code").asString(), name.replace("街道", ""),
                        polygon(f.get("geometry"))));
            }
        }
        pieces.sort(Comparator.comparing(Piece::streetCode));
        while (pieces.size() < blocks && !pieces.isEmpty()) {
            Piece largest = pieces.stream().max(Comparator.comparingDouble(p -> p.shape().getArea())).orElseThrow();
            int at = pieces.indexOf(largest);
            pieces.remove(at);
            pieces.addAll(at, halves(largest));
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            Point post = p.shape().getInteriorPoint();
            String name = p.name() + "块区";
            out.add(new Block("B" + (i + 1), name, p.streetCode(), p.shape(), new GeoPoint(post.getY(), post.getX()),
                    p.name() + "警务站"));
        }
        return out;
    }

    /** Cuts a piece through its centroid across the longer side of its bounding box. */
    private static List<Piece> halves(Piece p) {
        Envelope e = p.shape().getEnvelopeInternal();
        Coordinate c = p.shape().getCentroid().getCoordinate();
        boolean wide = e.getWidth() * Math.cos(Math.toRadians(c.y)) >= e.getHeight();
        Envelope first = wide ? new Envelope(e.getMinX(), c.x, e.getMinY(), e.getMaxY())
                : new Envelope(e.getMinX(), e.getMaxX(), c.y, e.getMaxY());
        Envelope second = wide ? new Envelope(c.x, e.getMaxX(), e.getMinY(), e.getMaxY())
                : new Envelope(e.getMinX(), e.getMaxX(), e.getMinY(), c.y);
        String[] sides = wide ? new String[] {"西", "东"} : new String[] {"北", "南"};
        return List.of(new Piece(p.streetCode(), p.name() + sides[0], largestPart(p.shape().intersection(GEOMETRY.toGeometry(first)))),
                new Piece(p.streetCode(), p.name() + sides[1], largestPart(p.shape().intersection(GEOMETRY.toGeometry(second)))));
    }

    private static Geometry largestPart(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }

    private static Polygon polygon(JsonNode geometry) {
        JsonNode rings = geometry.get("type").asString().equals("MultiPolygon")
                ? geometry.get("coordinates").get(0) : geometry.get("coordinates");
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode coordinates) {
        Coordinate[] cs = new Coordinate[coordinates.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(coordinates.get(i).get(0).asDouble(), coordinates.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(cs);
    }

    private BlockPlanner() {
    }
}
