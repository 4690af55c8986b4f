package cn.civicloop.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Generates the demo areas of 枣庄市市中区 (run once; the output is committed): {@value DemoAreaFiles#GEOJSON} and
 * {@value DemoAreaFiles#CSV}. Run from the project folder, or pass it as the first argument. Deterministic: the same
 * code always writes the same files.
 * <p>
 * Real sub-district boundaries are not public data we may ship, so the streets are Voronoi cells around seeds placed
 * where each street/town roughly is, and everything below is invented. The outline is coarse on purpose.
 */
public final class DemoDistrictGenerator {

    /**
     * The district outline sketched by hand on a 0.01° grid in GCJ-02 (the datum the reference map is in),
     * clockwise from the north-west, as [lon, lat].
     */
    static final double[][] OUTLINE_GCJ02 = {
        {117.48, 34.92}, {117.50, 34.95}, {117.60, 34.94}, {117.62, 34.92}, {117.64, 34.92}, {117.67, 34.95},
        {117.71, 34.97}, {117.71, 34.93}, {117.73, 34.89}, {117.77, 34.85}, {117.76, 34.84}, {117.69, 34.83},
        {117.67, 34.80}, {117.64, 34.80}, {117.62, 34.78}, {117.59, 34.78}, {117.58, 34.80}, {117.55, 34.80},
        {117.54, 34.78}, {117.48, 34.78}, {117.47, 34.83}, {117.50, 34.85}, {117.47, 34.88},
    };

    /** A street or town and where its Voronoi seed goes (GCJ-02). Towns (镇) get codes from 100, as in GB/T 10114. */
    private record Street(String code, String name, double lon, double lat, boolean town) {
    }

    // Urban streets sit in a tight ring around the seat (34.8567 N, 117.5573 E) so their cells stay small; the towns'
    // seeds lie well outside it and take the rest of the outline.
    private static final List<Street> STREETS = List.of(
            new Street("001", "中心街道", 117.556, 34.860, false),
            new Street("002", "垎塘街道", 117.557, 34.841, false),
            new Street("003", "矿区街道", 117.540, 34.851, false),
            new Street("004", "文化路街道", 117.571, 34.874, false),
            new Street("005", "龙山路街道", 117.541, 34.872, false),
            new Street("006", "光明路街道", 117.576, 34.853, false),
            new Street("100", "税郭镇", 117.630, 34.828, true),
            new Street("101", "孟庄镇", 117.630, 34.905, true),
            new Street("102", "齐村镇", 117.555, 34.912, true),
            new Street("103", "永安镇", 117.548, 34.805, true),
            new Street("104", "西王庄镇", 117.502, 34.862, true));

    static final String DISTRICT_CODE = "370402";
    private static final long RANDOM_SEED = 370402L;

    private DemoDistrictGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        List<DemoArea> areas = generate();
        DemoAreaFiles.write(areas, project);
        for (DemoArea area : areas) {
            if (area.level() != AreaLevel.GRID && area.level() != AreaLevel.COMMUNITY) {
                System.out.printf("%s %s %.1f km²%n", area.code(), area.name(), squareKm(area.geometry()));
            }
        }
        System.out.printf("%d areas written to %s%n", areas.size(), project.toAbsolutePath());
    }

    static Geometry outlineWgs84() {
        Coordinate[] ring = new Coordinate[OUTLINE_GCJ02.length + 1];
        for (int i = 0; i < OUTLINE_GCJ02.length; i++) {
            GeoPoint wgs = ChinaDatum.gcj02ToWgs84(new GeoPoint(OUTLINE_GCJ02[i][1], OUTLINE_GCJ02[i][0]));
            ring[i] = new Coordinate(wgs.lon(), wgs.lat());
        }
        ring[OUTLINE_GCJ02.length] = ring[0];
        Polygon outline = VoronoiSplit.FACTORY.createPolygon(ring);
        return GeometryPrecisionReducer.reduce(outline, Tessellation.MICRO_DEGREES);
    }

    static List<DemoArea> generate() {
        Random random = new Random(RANDOM_SEED);
        DemoNames names = new DemoNames(random);
        Geometry outline = outlineWgs84();
        List<DemoArea> streets = new ArrayList<>();
        List<DemoArea> communities = new ArrayList<>();
        List<DemoArea> grids = new ArrayList<>();

        List<Coordinate> seeds = STREETS.stream().map(s -> {
            GeoPoint wgs = ChinaDatum.gcj02ToWgs84(new GeoPoint(s.lat(), s.lon()));
            return new Coordinate(wgs.lon(), wgs.lat());
        }).toList();
        List<Geometry> streetShapes = VoronoiSplit.cells(outline, seeds);
        for (int s = 0; s < STREETS.size(); s++) {
            Street street = STREETS.get(s);
            String streetCode = DISTRICT_CODE + street.code();
            streets.add(new DemoArea(streetCode, street.name(), AreaLevel.STREET, DISTRICT_CODE, single(streetShapes.get(s), street.name())));

            int count = street.town() ? 6 + random.nextInt(5) : 5 + random.nextInt(4);
            List<Geometry> pieces = northToSouth(VoronoiSplit.randomPieces(streetShapes.get(s), count, random));
            for (int c = 0; c < pieces.size(); c++) {
                // 居委会 number from 001, 村委会 from 200 (GB/T 10114 / statistical division codes).
                String communityCode = streetCode + String.format("%03d", (street.town() ? 200 : 0) + c + 1);
                String communityName = street.town() ? names.village() : names.community();
                communities.add(new DemoArea(communityCode, communityName, AreaLevel.COMMUNITY, streetCode, pieces.get(c)));

                List<Geometry> cells = northToSouth(VoronoiSplit.randomPieces(pieces.get(c), 2 + random.nextInt(3), random));
                for (int g = 0; g < cells.size(); g++) {
                    grids.add(new DemoArea(communityCode + String.format("%02d", g + 1),
                            communityName + "第" + (g + 1) + "网格", AreaLevel.GRID, communityCode, cells.get(g)));
                }
            }
        }
        List<DemoArea> all = new ArrayList<>();
        all.add(new DemoArea(DISTRICT_CODE, "市中区", AreaLevel.DISTRICT, null, outline));
        all.addAll(streets);
        all.addAll(communities);
        all.addAll(grids);
        return Tessellation.exact(all);
    }

    /** Codes then run roughly in reading order across the map, which makes the demo easier to navigate. */
    private static List<Geometry> northToSouth(List<Geometry> pieces) {
        return pieces.stream()
                .sorted(Comparator.comparingDouble((Geometry g) -> -Math.round(g.getCentroid().getY() * 200))
                        .thenComparingDouble(g -> g.getCentroid().getX()))
                .toList();
    }

    private static Geometry single(Geometry shape, String name) {
        if (!(shape instanceof Polygon)) {
            throw new IllegalStateException(name + " came out in " + shape.getNumGeometries() + " parts; move its seed");
        }
        return shape;
    }

    private static double squareKm(Geometry g) {
        double kmPerDegree = 111.32;
        return g.getArea() * kmPerDegree * kmPerDegree * Math.cos(Math.toRadians(g.getCentroid().getY()));
    }
}
