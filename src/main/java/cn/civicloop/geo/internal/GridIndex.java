package cn.civicloop.geo.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the grid under a point. An STR-tree narrows a few hundred grids to the handful whose bounding boxes contain
 * the point, and prepared geometries make the remaining point-in-polygon tests cheap on repeated calls.
 */
final class GridIndex {

    private record Entry(AreaPolygon grid, PreparedGeometry shape) {
    }

    // Candidates are tried in code order, so a point on a shared edge always gets the same grid.
    private static final Comparator<Entry> BY_CODE = Comparator.comparing(e -> e.grid().code());

    private final STRtree tree = new STRtree();

    GridIndex(List<AreaPolygon> grids) {
        for (AreaPolygon grid : grids) {
            tree.insert(grid.geometry().getEnvelopeInternal(), new Entry(grid, PreparedGeometryFactory.prepare(grid.geometry())));
        }
        tree.build();
    }

    /** The grid that contains the point or has it on its boundary. */
    Optional<AreaPolygon> gridAt(Point point) {
        return candidates(point.getEnvelopeInternal()).stream()
                .filter(e -> e.shape().covers(point))
                .map(Entry::grid)
                .findFirst();
    }

    /**
     * The closest grid within {@code maxDegrees}: neighbouring polygons rounded to 6 decimals leave slivers a few
     * centimetres wide between them, and a point there is still in the district and deserves a grid.
     */
    Optional<AreaPolygon> nearestGrid(Point point, double maxDegrees) {
        Envelope around = new Envelope(point.getCoordinate());
        around.expandBy(maxDegrees);
        return candidates(around).stream()
                .filter(e -> e.grid().geometry().distance(point) <= maxDegrees)
                .min(Comparator.comparingDouble((Entry e) -> e.grid().geometry().distance(point)).thenComparing(BY_CODE))
                .map(Entry::grid);
    }

    @SuppressWarnings("unchecked")
    private List<Entry> candidates(Envelope envelope) {
        List<Entry> found = tree.query(envelope);
        return found.stream().sorted(BY_CODE).toList();
    }
}
