package cn.civicloop.roads.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.roads.Snap;

/**
 * The snapping index: the segments in memory, in a metric frame, behind an STR-tree, so snapping a point costs a
 * few envelope checks. Rebuilt at once after an import on this instance; every other instance compares the stored
 * segments' fingerprint at most every {@link #RECHECK} and rebuilds when it changed, so an import on one node
 * reaches all of them within that time without a restart.
 */
@Component
public class SegmentIndex {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    static final Duration RECHECK = Duration.ofSeconds(10);

    private final Supplier<List<Segment>> source;
    private final Supplier<String> version;
    private final RoadsProperties properties;
    private final LongSupplier nanoTime;
    private volatile Index index;
    private volatile long checkedAt;

    @Autowired
    SegmentIndex(RoadData data, RoadsProperties properties) {
        this(data::segments, data::segmentsVersion, properties, System::nanoTime);
    }

    /** A network over a fixed list of segments (tests, tools). */
    public SegmentIndex(Supplier<List<Segment>> source, RoadsProperties properties) {
        this(source, () -> "fixed", properties, System::nanoTime);
    }

    SegmentIndex(Supplier<List<Segment>> source, Supplier<String> version, RoadsProperties properties,
            LongSupplier nanoTime) {
        this.source = source;
        this.version = version;
        this.properties = properties;
        this.nanoTime = nanoTime;
    }

    private record Entry(Segment segment, LineString metric) {
    }

    private record Index(MetricFrame frame, STRtree tree, int size, String version) {
    }

    public void reload() {
        index = null;
    }

    /** The segment nearest to {@code point} within the configured tolerance. */
    public Optional<Snap> snap(GeoPoint point) {
        return snap(point, properties.snapTolerance());
    }

    /** The segment nearest to {@code point} within {@code toleranceMetres}, or empty when none is that close. */
    public Optional<Snap> snap(GeoPoint point, double toleranceMetres) {
        Index current = index();
        if (current.size() == 0) {
            return Optional.empty();
        }
        Coordinate p = current.frame().toMetres(point.lon(), point.lat());
        Envelope search = new Envelope(p);
        search.expandBy(toleranceMetres);
        Point at = GEOMETRY.createPoint(p);
        Entry best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Object o : current.tree().query(search)) {
            Entry e = (Entry) o;
            double d = e.metric().distance(at);
            if (d <= toleranceMetres && (d < bestDistance || (d == bestDistance && e.segment().id() < best.segment().id()))) {
                best = e;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Coordinate nearest = DistanceOp.nearestPoints(best.metric(), at)[0];
        double along = new LengthIndexedLine(best.metric()).project(nearest);
        Coordinate degrees = current.frame().toDegrees(nearest);
        Segment s = best.segment();
        return Optional.of(new Snap(s.id(), s.code(), s.name(), bestDistance, degrees.y, degrees.x, along));
    }

    /** The length in metres of a line of [lon, lat] pairs, in the frame of its first point. */
    public static double lengthMetres(List<double[]> coordinates) {
        MetricFrame frame = new MetricFrame(coordinates.get(0)[1], coordinates.get(0)[0]);
        return metric(frame, coordinates).getLength();
    }

    private static LineString metric(MetricFrame frame, List<double[]> coordinates) {
        return GEOMETRY.createLineString(coordinates.stream().map(c -> frame.toMetres(c[0], c[1]))
                .toArray(Coordinate[]::new));
    }

    private Index index() {
        Index current = index;
        long now = nanoTime.getAsLong();
        if (current != null && now - checkedAt < RECHECK.toNanos()) {
            return current;
        }
        synchronized (this) {
            current = index;
            if (current != null && now - checkedAt < RECHECK.toNanos()) {
                return current; // another thread checked meanwhile
            }
            String stored = version.get();
            checkedAt = now;
            if (current == null || !current.version().equals(stored)) {
                current = build(source.get(), stored); // first use, an import here, or one on another instance
                index = current;
            }
            return current;
        }
    }

    private static Index build(List<Segment> segments, String version) {
        if (segments.isEmpty()) {
            return new Index(new MetricFrame(0, 0), new STRtree(), 0, version);
        }
        double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
        for (Segment s : segments) {
            for (double[] c : s.coordinates()) {
                minLon = Math.min(minLon, c[0]);
                maxLon = Math.max(maxLon, c[0]);
                minLat = Math.min(minLat, c[1]);
                maxLat = Math.max(maxLat, c[1]);
            }
        }
        MetricFrame frame = new MetricFrame((minLat + maxLat) / 2, (minLon + maxLon) / 2);
        STRtree tree = new STRtree();
        for (Segment s : segments) {
            LineString line = metric(frame, s.coordinates());
            tree.insert(line.getEnvelopeInternal(), new Entry(s, line));
        }
        tree.build();
        return new Index(frame, tree, segments.size(), version);
    }
}
