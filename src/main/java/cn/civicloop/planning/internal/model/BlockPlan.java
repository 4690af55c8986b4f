package cn.civicloop.planning.internal.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Blocks (块区) as sets of square grid cells on the plane, each with a station. Cells keep the geometry trivial:
 * "which block is this point in" is one lookup, and a uniform patrol waypoint is a random cell plus a random offset.
 * Cells stand only for ground that is served (streets with calls, or the urban streets of the demo district), so a
 * patrol never wanders into a bay or a field.
 */
public final class BlockPlan {

    /** A grid cell: the square from (ix·size, iy·size) up to, not including, ((ix+1)·size, (iy+1)·size). */
    public record Cell(int ix, int iy) {
    }

    private final double cellKm;
    private final Map<Cell, Integer> blockOfCell;
    private final List<List<Cell>> cellsOfBlock;
    private final List<String> names;
    private final List<PlanePoint> stations;

    private BlockPlan(double cellKm, Map<Cell, Integer> blockOfCell, List<String> names, List<PlanePoint> stations) {
        this.cellKm = cellKm;
        this.blockOfCell = Map.copyOf(blockOfCell);
        this.names = List.copyOf(names);
        this.stations = List.copyOf(stations);
        List<List<Cell>> cells = new ArrayList<>();
        for (int b = 0; b < names.size(); b++) {
            cells.add(new ArrayList<>());
        }
        // Sorted so that random draws do not depend on hash order.
        Map<Cell, Integer> sorted = new TreeMap<>(cellOrder());
        sorted.putAll(blockOfCell);
        sorted.forEach((cell, block) -> cells.get(block).add(cell));
        for (int b = 0; b < cells.size(); b++) {
            if (cells.get(b).isEmpty()) {
                throw new IllegalArgumentException("block " + names.get(b) + " has no cell");
            }
        }
        this.cellsOfBlock = cells.stream().map(List::copyOf).toList();
    }

    static Comparator<Cell> cellOrder() {
        return Comparator.comparingInt(Cell::ix).thenComparingInt(Cell::iy);
    }

    /** Explicit plan: every cell with its block, and one station per block. */
    public static BlockPlan of(double cellKm, Map<Cell, Integer> blockOfCell, List<String> names,
            List<PlanePoint> stations) {
        if (names.size() != stations.size()) {
            throw new IllegalArgumentException("one station per block");
        }
        return new BlockPlan(cellKm, blockOfCell, names, stations);
    }

    /**
     * Blocks drawn from demand: the served cells are those holding at least one call; k-means on the calls gives
     * the block centres, each cell joins the nearest centre, and each station sits at the cell nearest to its
     * block's calls' centre of gravity — the spot a planner would choose, which favours the station policy.
     */
    public static BlockPlan byDemand(List<PlanePoint> demand, int blocks, double cellKm, long seed, String prefix) {
        List<PlanePoint> centres = KMeans.centres(demand, blocks, seed);
        Map<Cell, Integer> blockOfCell = new HashMap<>();
        for (PlanePoint p : demand) {
            Cell cell = cellAt(p, cellKm);
            blockOfCell.computeIfAbsent(cell, c -> nearest(centre(c, cellKm), centres));
        }
        double[][] gravity = new double[blocks][3];
        for (PlanePoint p : demand) {
            int b = blockOfCell.get(cellAt(p, cellKm));
            gravity[b][0] += p.x();
            gravity[b][1] += p.y();
            gravity[b][2]++;
        }
        List<String> names = new ArrayList<>();
        List<PlanePoint> stations = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            names.add(prefix + (b + 1));
            PlanePoint g = new PlanePoint(gravity[b][0] / gravity[b][2], gravity[b][1] / gravity[b][2]);
            stations.add(nearestCellCentre(g, b, blockOfCell, cellKm));
        }
        return new BlockPlan(cellKm, blockOfCell, names, stations);
    }

    /**
     * Blocks as a columns × rows grid of rectangles over the served cells' bounding box; the station of each block
     * is the cell nearest to the centre of its cells.
     */
    public static BlockPlan byRectangles(Collection<Cell> served, double cellKm, int columns, int rows,
            String prefix) {
        int minX = served.stream().mapToInt(Cell::ix).min().orElseThrow();
        int maxX = served.stream().mapToInt(Cell::ix).max().orElseThrow();
        int minY = served.stream().mapToInt(Cell::iy).min().orElseThrow();
        int maxY = served.stream().mapToInt(Cell::iy).max().orElseThrow();
        double width = maxX - minX + 1.0;
        double height = maxY - minY + 1.0;
        Map<Cell, Integer> blockOfCell = new HashMap<>();
        for (Cell c : served) {
            int col = Math.min(columns - 1, (int) ((c.ix() - minX) / width * columns));
            int row = Math.min(rows - 1, (int) ((maxY - c.iy()) / height * rows));
            blockOfCell.put(c, row * columns + col);
        }
        List<String> names = new ArrayList<>();
        List<PlanePoint> stations = new ArrayList<>();
        for (int b = 0; b < columns * rows; b++) {
            int block = b;
            double sx = 0;
            double sy = 0;
            int count = 0;
            for (Map.Entry<Cell, Integer> e : blockOfCell.entrySet()) {
                if (e.getValue() == block) {
                    PlanePoint p = centre(e.getKey(), cellKm);
                    sx += p.x();
                    sy += p.y();
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("rectangle " + (b + 1) + " holds no served cell");
            }
            names.add(prefix + (b + 1));
            stations.add(nearestCellCentre(new PlanePoint(sx / count, sy / count), block, blockOfCell, cellKm));
        }
        return new BlockPlan(cellKm, blockOfCell, names, stations);
    }

    public static Cell cellAt(PlanePoint p, double cellKm) {
        return new Cell((int) Math.floor(p.x() / cellKm), (int) Math.floor(p.y() / cellKm));
    }

    public static PlanePoint centre(Cell c, double cellKm) {
        return new PlanePoint((c.ix() + 0.5) * cellKm, (c.iy() + 0.5) * cellKm);
    }

    private static int nearest(PlanePoint p, List<PlanePoint> points) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            if (p.distanceTo(points.get(i)) < p.distanceTo(points.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static PlanePoint nearestCellCentre(PlanePoint target, int block, Map<Cell, Integer> blockOfCell,
            double cellKm) {
        return blockOfCell.entrySet().stream().filter(e -> e.getValue() == block).map(Map.Entry::getKey)
                .sorted(cellOrder()).map(c -> centre(c, cellKm))
                .min(Comparator.comparingDouble(target::distanceTo)).orElseThrow();
    }

    public int size() {
        return names.size();
    }

    public String name(int block) {
        return names.get(block);
    }

    public PlanePoint station(int block) {
        return stations.get(block);
    }

    public double cellKm() {
        return cellKm;
    }

    public List<Cell> cells(int block) {
        return cellsOfBlock.get(block);
    }

    /** Served area of the block in km². */
    public double areaKm2(int block) {
        return cellsOfBlock.get(block).size() * cellKm * cellKm;
    }

    public boolean serves(PlanePoint p) {
        return blockOfCell.containsKey(cellAt(p, cellKm));
    }

    /** The block a point lies in; a point off the served cells belongs to the block of the nearest station. */
    public int blockOf(PlanePoint p) {
        Integer block = blockOfCell.get(cellAt(p, cellKm));
        return block != null ? block : nearest(p, stations);
    }

    /** A point uniformly distributed over the block's served cells. */
    public PlanePoint randomPoint(int block, Random random) {
        List<Cell> cells = cellsOfBlock.get(block);
        Cell c = cells.get(random.nextInt(cells.size()));
        return new PlanePoint((c.ix() + random.nextDouble()) * cellKm, (c.iy() + random.nextDouble()) * cellKm);
    }
}
