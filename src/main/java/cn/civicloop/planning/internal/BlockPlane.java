package cn.civicloop.planning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import cn.civicloop.dispatch.UnitPlan;
import cn.civicloop.planning.internal.model.BlockPlan;
import cn.civicloop.planning.internal.model.LocalProjection;
import cn.civicloop.planning.internal.model.PlanePoint;

/**
 * The dispatch module's blocks on the models' plane: WGS84 outlines projected to kilometres around the mean of the
 * posts, cut into square cells (a cell belongs to the block holding its centre; a block too small for any cell keeps
 * the cell of its post), each block's station at its post. Hot spots of a generated stream: each block's centre.
 */
final class BlockPlane {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final LocalProjection projection;
    private final BlockPlan cells;
    private final List<UnitPlan.PlannedBlock> blocks;
    private final List<PlanePoint> hotSpots;

    private BlockPlane(LocalProjection projection, BlockPlan cells, List<UnitPlan.PlannedBlock> blocks,
            List<PlanePoint> hotSpots) {
        this.projection = projection;
        this.cells = cells;
        this.blocks = List.copyOf(blocks);
        this.hotSpots = List.copyOf(hotSpots);
    }

    static BlockPlane of(UnitPlan plan, double cellKm) {
        List<UnitPlan.PlannedBlock> blocks = plan.blocks();
        if (blocks.isEmpty()) {
            throw new IllegalStateException("the unit plan has no block");
        }
        LocalProjection projection = new LocalProjection(
                blocks.stream().mapToDouble(UnitPlan.PlannedBlock::postLat).average().orElseThrow(),
                blocks.stream().mapToDouble(UnitPlan.PlannedBlock::postLon).average().orElseThrow());
        List<Geometry> outlines = new ArrayList<>();
        List<PlanePoint> stations = new ArrayList<>();
        Envelope extent = new Envelope();
        for (UnitPlan.PlannedBlock b : blocks) {
            Geometry outline = onPlane(b.outlineWkt(), projection);
            outlines.add(outline);
            extent.expandToInclude(outline.getEnvelopeInternal());
            stations.add(projection.toPlane(b.postLat(), b.postLon()));
        }
        Map<BlockPlan.Cell, Integer> blockOfCell = new HashMap<>();
        for (int ix = (int) Math.floor(extent.getMinX() / cellKm); ix <= (int) Math.floor(extent.getMaxX() / cellKm); ix++) {
            for (int iy = (int) Math.floor(extent.getMinY() / cellKm); iy <= (int) Math.floor(extent.getMaxY() / cellKm); iy++) {
                BlockPlan.Cell cell = new BlockPlan.Cell(ix, iy);
                PlanePoint c = BlockPlan.centre(cell, cellKm);
                var point = GEOMETRY.createPoint(new Coordinate(c.x(), c.y()));
                for (int b = 0; b < outlines.size(); b++) {
                    if (outlines.get(b).covers(point)) {
                        blockOfCell.put(cell, b);
                        break;
                    }
                }
            }
        }
        for (int b = 0; b < blocks.size(); b++) {
            int block = b;
            if (!blockOfCell.containsValue(block)) {
                blockOfCell.put(BlockPlan.cellAt(stations.get(block), cellKm), block);
            }
        }
        BlockPlan cells = BlockPlan.of(cellKm, blockOfCell, blocks.stream().map(UnitPlan.PlannedBlock::code).toList(),
                stations);
        List<PlanePoint> hotSpots = new ArrayList<>();
        for (int b = 0; b < cells.size(); b++) {
            List<BlockPlan.Cell> mine = cells.cells(b);
            hotSpots.add(new PlanePoint(
                    mine.stream().mapToDouble(c -> BlockPlan.centre(c, cellKm).x()).average().orElseThrow(),
                    mine.stream().mapToDouble(c -> BlockPlan.centre(c, cellKm).y()).average().orElseThrow()));
        }
        return new BlockPlane(projection, cells, blocks, hotSpots);
    }

    private static Geometry onPlane(String wkt, LocalProjection projection) {
        Geometry g;
        try {
            g = new WKTReader(GEOMETRY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable block outline", e);
        }
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                PlanePoint p = projection.toPlane(seq.getY(i), seq.getX(i));
                seq.setOrdinate(i, 0, p.x());
                seq.setOrdinate(i, 1, p.y());
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }

    PlanePoint toPlane(double lat, double lon) {
        return projection.toPlane(lat, lon);
    }

    /** The blocks as cells, in the order of the unit plan. */
    BlockPlan cells() {
        return cells;
    }

    List<UnitPlan.PlannedBlock> blocks() {
        return blocks;
    }

    List<PlanePoint> hotSpots() {
        return hotSpots;
    }

    double areaKm2() {
        double sum = 0;
        for (int b = 0; b < cells.size(); b++) {
            sum += cells.areaKm2(b);
        }
        return sum;
    }
}
