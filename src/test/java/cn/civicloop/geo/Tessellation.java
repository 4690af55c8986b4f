package cn.civicloop.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Makes the generated areas an exact tessellation on the 6-decimal grid the file is written in.
 * <p>
 * Rounding each polygon on its own leaves slivers of tens of square metres along long edges, because a rounded
 * vertex tilts the whole edge. Instead all grid boundaries are noded together once (snap-rounded), the faces are
 * handed back to the grid they came from, and every higher level is rebuilt as the union of its children. Then
 * neighbours share identical edges and each parent is exactly its children.
 */
final class Tessellation {

    static final PrecisionModel MICRO_DEGREES = new PrecisionModel(1e6);

    private Tessellation() {
    }

    /** The same areas (same order, codes and names) with exact shapes; the grids' shapes may be floating point. */
    static List<DemoArea> exact(List<DemoArea> areas) {
        Map<String, Geometry> shapes = new HashMap<>();
        List<DemoArea> grids = areas.stream().filter(a -> a.level() == AreaLevel.GRID).toList();
        List<Geometry> snapped = snap(grids.stream().map(DemoArea::geometry).toList());
        for (int i = 0; i < grids.size(); i++) {
            shapes.put(grids.get(i).code(), single(snapped.get(i), grids.get(i)));
        }
        for (AreaLevel level : List.of(AreaLevel.COMMUNITY, AreaLevel.STREET, AreaLevel.DISTRICT)) {
            for (DemoArea parent : areas.stream().filter(a -> a.level() == level).toList()) {
                List<Geometry> children = areas.stream().filter(a -> parent.code().equals(a.parentCode()))
                        .map(a -> shapes.get(a.code())).toList();
                shapes.put(parent.code(), single(UnaryUnionNG.union(children, MICRO_DEGREES), parent));
            }
        }
        return areas.stream()
                .map(a -> new DemoArea(a.code(), a.name(), a.level(), a.parentCode(), shapes.get(a.code())))
                .toList();
    }

    private static List<Geometry> snap(List<Geometry> cells) {
        List<Geometry> boundaries = cells.stream().map(Geometry::getBoundary).toList();
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(UnaryUnionNG.union(boundaries, MICRO_DEGREES));
        List<List<Geometry>> facesOfCell = new ArrayList<>();
        cells.forEach(c -> facesOfCell.add(new ArrayList<>()));
        for (Object face : polygonizer.getPolygons()) {
            Point inside = ((Geometry) face).getInteriorPoint();
            // A face is a cell minus at most sub-millimetre snapping, so the cell nearest its interior holds it.
            int owner = 0;
            for (int i = 1; i < cells.size(); i++) {
                if (cells.get(i).distance(inside) < cells.get(owner).distance(inside)) {
                    owner = i;
                }
            }
            facesOfCell.get(owner).add((Geometry) face);
        }
        List<Geometry> snapped = new ArrayList<>();
        for (List<Geometry> faces : facesOfCell) {
            snapped.add(UnaryUnionNG.union(faces, MICRO_DEGREES));
        }
        return snapped;
    }

    private static Geometry single(Geometry shape, DemoArea area) {
        if (!(shape instanceof Polygon) || !shape.isValid()) {
            throw new IllegalStateException(area.name() + " is not one valid polygon after snapping: " + shape.getGeometryType());
        }
        return shape;
    }
}
