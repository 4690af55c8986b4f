package cn.civicloop.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a polygon into Voronoi cells clipped to it, in floating point: {@link Tessellation} rounds the finished
 * grids to the file's precision all at once, which rounding here, level by level, could not do without slivers.
 */
final class VoronoiSplit {

    static final GeometryFactory FACTORY = new GeometryFactory();

    private VoronoiSplit() {
    }

    /** The parts of {@code parent} nearest to each seed, in seed order. */
    static List<Geometry> cells(Geometry parent, List<Coordinate> seeds) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(clip.getWidth() + clip.getHeight());
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(new GeometryFactory());
        List<Geometry> cells = new ArrayList<>();
        for (Coordinate seed : seeds) {
            Geometry cell = null;
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                if (seed.equals2D((Coordinate) diagram.getGeometryN(i).getUserData())) {
                    cell = diagram.getGeometryN(i);
                }
            }
            if (cell == null) {
                throw new IllegalStateException("no Voronoi cell for seed " + seed + " (duplicate seed?)");
            }
            cells.add(cell.intersection(parent));
        }
        return cells;
    }

    /**
     * Splits {@code parent} into {@code n} compact, connected pieces around random seeds. Lloyd relaxation (moving each
     * seed to its cell's centroid) evens out the sizes that raw random seeds make wildly uneven; a draw that still
     * leaves a piece in two parts or a sliver is thrown away, so every area in the file is one reasonable polygon.
     */
    static List<Geometry> randomPieces(Geometry parent, int n, Random random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<Coordinate> seeds = new ArrayList<>();
            while (seeds.size() < n) {
                seeds.add(randomPointIn(parent, random));
            }
            List<Geometry> pieces = cells(parent, seeds);
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < n; i++) {
                    Point centroid = pieces.get(i).getCentroid();
                    if (parent.contains(centroid) && !pieces.get(i).isEmpty()) {
                        seeds.set(i, centroid.getCoordinate());
                    }
                }
                pieces = cells(parent, seeds);
            }
            if (acceptable(pieces, parent.getArea() / n)) {
                return pieces;
            }
        }
        throw new IllegalStateException("could not split " + parent.getEnvelopeInternal() + " into " + n + " pieces");
    }

    private static boolean acceptable(List<Geometry> pieces, double meanArea) {
        return pieces.stream().allMatch(p -> p instanceof Polygon && p.getArea() > 0.35 * meanArea);
    }

    private static Coordinate randomPointIn(Geometry parent, Random random) {
        Envelope e = parent.getEnvelopeInternal();
        while (true) {
            Coordinate c = new Coordinate(e.getMinX() + random.nextDouble() * e.getWidth(),
                    e.getMinY() + random.nextDouble() * e.getHeight());
            if (parent.contains(FACTORY.createPoint(c))) {
                return c;
            }
        }
    }
}
