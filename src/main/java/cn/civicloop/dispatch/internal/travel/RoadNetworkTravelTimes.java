package cn.civicloop.dispatch.internal.travel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.carrotsearch.hppc.IntIntHashMap;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.index.Snap;

import cn.civicloop.dispatch.internal.DispatchProperties.RoadGraphSettings;
import cn.civicloop.dispatch.internal.DispatchProperties.StraightLine;
import cn.civicloop.geo.GeoPoint;

/**
 * Travel times on the road network (路网行车时间) of an OSM extract, one backward search per incident.
 * <p>
 * {@link #toward} snaps the incident and every unit position to the nearest drivable road and grows ONE shortest-path
 * tree backwards from the incident (GraphHopper's {@link ShortestPathTree} with reverse flow): each node it settles
 * carries the driving time from that node to the incident, so all units are answered by the same search, which stops
 * as soon as the last unit is settled or the search limit is reached. To each time it adds the stretch from the
 * position to its road and from the incident's road to the incident, driven at the (low) access speed.
 * <p>
 * Answers per origin, in this order of precedence:
 * <ul>
 * <li>graph not loaded yet (or import failed), or the incident itself is off the network: the straight-line estimate
 * for every unit, {@code byRoad=false};</li>
 * <li>the unit's position is farther than the snap tolerance from any drivable road (or outside the extract): the
 * straight-line estimate for that unit, {@code byRoad=false} — the unit exists and the dispatcher must still see it,
 * only the figure is rougher;</li>
 * <li>snapped but not reached within the search limit (one-way streets or barriers cut it off, or it is simply too
 * far): {@link TravelEstimate#unreachable()} — a straight line across a river with no bridge would be a lie;</li>
 * <li>otherwise the road estimate, {@code byRoad=true}.</li>
 * </ul>
 * The graph is imported (first start) or loaded (later starts) in a background thread started with the bean, not on
 * first use: importing a district takes from seconds to minutes, the application must start at once, and the first
 * 110 call of the day must not wait for it. Until it is ready the straight-line answers above apply.
 */
public final class RoadNetworkTravelTimes implements TravelTimeModel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoadNetworkTravelTimes.class);

    private final RoadGraphSettings settings;
    private final StraightLineTravelTimes fallback;
    private final double accessMetresPerSecond;
    private final CompletableFuture<RoadGraph> loading = new CompletableFuture<>();
    private volatile RoadGraph network;
    private volatile boolean closed;

    /** With the default straight-line settings (tests, benchmark). */
    RoadNetworkTravelTimes(RoadGraphSettings settings) {
        this(settings, new StraightLineTravelTimes(StraightLine.DEFAULTS));
    }

    /** {@code straightLine}: the dispatch module's straight-line model, answering what the network cannot. */
    RoadNetworkTravelTimes(RoadGraphSettings settings, StraightLineTravelTimes straightLine) {
        this.settings = settings;
        this.fallback = straightLine;
        this.accessMetresPerSecond = settings.accessSpeedKmh() / 3.6;
    }

    /** Starts importing or loading the graph in a daemon thread and returns at once. */
    void startLoading() {
        Thread loader = new Thread(this::load, "road-network-import");
        loader.setDaemon(true);
        loader.start();
    }

    /** Imports or loads the graph in the calling thread (tests, benchmark). */
    void loadNow() {
        load();
        awaitReady(Duration.ZERO);
    }

    private void load() {
        long start = System.nanoTime();
        try {
            RoadGraph loaded = RoadGraph.importOrLoad(settings.osmFile(), settings.graphDir());
            if (closed) { // the application stopped while the import ran
                loaded.close();
                loading.cancel(false);
                return;
            }
            network = loaded;
            loading.complete(loaded);
            log.info("road network from {} ready in {} ms", settings.osmFile(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            loading.completeExceptionally(e);
            log.error("road network from {} could not be loaded; travel times stay straight-line estimates",
                    settings.osmFile(), e);
        }
    }

    /** Waits until the graph is ready; fails if the import failed or the wait is over. */
    void awaitReady(Duration wait) {
        try {
            if (wait.isZero()) {
                loading.get();
            } else {
                loading.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("road network could not be loaded", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("road network not ready after " + wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the road network", e);
        }
    }

    public boolean ready() {
        return network != null;
    }

    @Override
    public String label() {
        if (ready()) {
            return "路网";
        }
        return fallback.label() + (loading.isCompletedExceptionally() ? "（路网不可用）" : "（路网加载中）");
    }

    @Override
    public List<TravelEstimate> toward(GeoPoint destination, List<GeoPoint> origins) {
        RoadGraph net = network;
        if (net == null) {
            return fallback.toward(destination, origins);
        }
        Snap target = net.snap(destination);
        if (!onNetwork(target)) {
            return fallback.toward(destination, origins);
        }
        TravelEstimate[] estimates = new TravelEstimate[origins.size()];
        List<Snap> snaps = new ArrayList<>(origins.size() + 1);
        snaps.add(target);
        Snap[] originSnaps = new Snap[origins.size()];
        for (int i = 0; i < origins.size(); i++) {
            Snap snap = net.snap(origins.get(i));
            if (onNetwork(snap)) {
                originSnaps[i] = snap;
                snaps.add(snap);
            } else {
                estimates[i] = fallback.estimate(origins.get(i), destination);
            }
        }
        // the overlay splits the snapped edges at the snapped points; afterwards every snap names its own node
        QueryGraph overlay = QueryGraph.create(net.graph(), snaps);
        SettledNodes settled = searchBackwards(net, overlay, target.getClosestNode(), originSnaps);
        double targetAccess = target.getQueryDistance();
        for (int i = 0; i < originSnaps.length; i++) {
            Snap snap = originSnaps[i];
            if (snap != null) {
                estimates[i] = settled.estimate(snap.getClosestNode(), snap.getQueryDistance() + targetAccess);
            }
        }
        return Arrays.asList(estimates);
    }

    private boolean onNetwork(Snap snap) {
        return snap.isValid() && snap.getQueryDistance() <= settings.snapToleranceMetres();
    }

    private SettledNodes searchBackwards(RoadGraph net, QueryGraph overlay, int targetNode, Snap[] originSnaps) {
        SettledNodes settled = new SettledNodes();
        for (Snap snap : originSnaps) {
            if (snap != null) {
                settled.expect(snap.getClosestNode());
            }
        }
        ShortestPathTree tree = new ShortestPathTree(overlay, overlay.wrapWeighting(net.weighting()), true,
                TraversalMode.NODE_BASED);
        // the limit is on ordinary driving time; scale it so it bounds the reported (emergency) time
        tree.setTimeLimit(settings.searchLimit().toMillis() * settings.emergencySpeedFactor());
        try {
            tree.search(targetNode, label -> {
                if (settled.settle(label.node, label.time, label.distance)) {
                    throw AllSettled.INSTANCE;
                }
            });
        } catch (AllSettled done) {
            // every unit has its time: the rest of the tree is of no interest
        }
        return settled;
    }

    /** Times and distances of the origin nodes, as the tree settles them. */
    private final class SettledNodes {

        private final IntIntHashMap slotOfNode = new IntIntHashMap();
        private long[] millis = new long[16];
        private double[] metres = new double[16];
        private int pending;

        void expect(int node) {
            if (slotOfNode.containsKey(node)) {
                return;
            }
            int slot = slotOfNode.size();
            if (slot == millis.length) {
                millis = Arrays.copyOf(millis, slot * 2);
                metres = Arrays.copyOf(metres, slot * 2);
            }
            millis[slot] = -1;
            slotOfNode.put(node, slot);
            pending++;
        }

        /** @return true when this was the last node awaited */
        boolean settle(int node, long timeMillis, double distance) {
            int slot = slotOfNode.getOrDefault(node, -1);
            if (slot < 0 || millis[slot] >= 0) {
                return false;
            }
            millis[slot] = timeMillis;
            metres[slot] = distance;
            return --pending == 0;
        }

        TravelEstimate estimate(int node, double offRoadMetres) {
            int slot = slotOfNode.get(node);
            if (millis[slot] < 0) {
                return TravelEstimate.unreachable();
            }
            double seconds = millis[slot] / 1000.0 / settings.emergencySpeedFactor()
                    + offRoadMetres / accessMetresPerSecond;
            return new TravelEstimate(seconds, metres[slot] + offRoadMetres, true);
        }
    }

    /** Ends the search early; carries no stack trace, it is control flow, not an error. */
    private static final class AllSettled extends RuntimeException {

        static final AllSettled INSTANCE = new AllSettled();

        private AllSettled() {
            super(null, null, false, false);
        }
    }

    /** Package-private access for tests and the benchmark; null until ready. */
    RoadGraph roadGraph() {
        return network;
    }

    @Override
    public void close() {
        closed = true;
        RoadGraph net = network;
        network = null;
        if (net != null) {
            net.close();
        }
    }
}
