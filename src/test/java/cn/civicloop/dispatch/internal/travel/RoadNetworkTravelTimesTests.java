package cn.civicloop.dispatch.internal.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;

import cn.civicloop.geo.GeoPoint;

/**
 * Road-network travel times on GraphHopper's Andorra extract: the route answers GraphHopper's own example asserts,
 * the same answers through one backward tree, a case where the straight line ranks units wrongly, positions off
 * the network, and 500 units in one call.
 */
class RoadNetworkTravelTimesTests {

    private static final double ACCESS_METRES_PER_SECOND = 15 / 3.6;

    private final RoadNetworkTravelTimes model = Andorra.travelTimes();
    private final RoadGraph network = model.roadGraph();

    @Test
    void graphHopperRoutesTheKnownAndorraAnswers() {
        // GraphHopper 11.0 example/RoutingExample.java: ≈ 600 m with 6 instructions, and 94 s on the car profile
        ResponsePath shortTrip = route(new GeoPoint(42.508552, 1.532936), new GeoPoint(42.507508, 1.528773));
        assertThat(Math.round(shortTrip.getDistance() / 100) * 100).isEqualTo(600);
        assertThat(shortTrip.getInstructions()).hasSize(6);

        ResponsePath acrossTown = route(new GeoPoint(42.506472, 1.522475), new GeoPoint(42.513108, 1.536005));
        assertThat(Math.round(acrossTown.getTime() / 1000d)).isEqualTo(94);
    }

    @Test
    void oneBackwardTreeGivesGraphHoppersRouteTime() {
        GeoPoint unit = new GeoPoint(42.506472, 1.522475);
        GeoPoint incident = new GeoPoint(42.513108, 1.536005);

        TravelEstimate estimate = model.toward(incident, List.of(unit)).get(0);

        assertThat(estimate.byRoad()).isTrue();
        assertThat(estimate.seconds()).isCloseTo(expectedSeconds(unit, incident), within(0.5));
        // 94 s of driving plus the few metres from each point to its road at walking-in speed
        assertThat(estimate.seconds()).isBetween(94.0, 100.0);
        assertThat(estimate.metres()).isCloseTo(route(unit, incident).getDistance(), within(20.0));
    }

    @Test
    void manyOriginsInOneCallAgreeWithOneRouteEach() {
        GeoPoint incident = new GeoPoint(42.508552, 1.532936);
        List<GeoPoint> units = positionsNearRoads(new Random(11), 60, null, 0);

        List<TravelEstimate> estimates = model.toward(incident, units);

        int beyondLimit = 0;
        for (int i = 0; i < units.size(); i++) {
            double expected = expectedSeconds(units.get(i), incident);
            if (expected > 30 * 60 + 60) {
                // the far ends of Andorra are more than the 30 min search limit away from Andorra la Vella
                assertThat(estimates.get(i)).as("unit %d at %s", i, units.get(i)).isEqualTo(TravelEstimate.unreachable());
                beyondLimit++;
            } else if (expected < 30 * 60 - 60) {
                assertThat(estimates.get(i).seconds()).as("unit %d at %s", i, units.get(i))
                        .isCloseTo(expected, within(1.0));
            }
        }
        assertThat(beyondLimit).isBetween(1, units.size() / 4);
    }

    @Test
    void roadOrderDiffersFromStraightLineOrderOnTheMountainside() {
        // The incident is in Escaldes-Engordany, on the valley floor. Unit A is only ≈ 470 m away as the crow flies,
        // but up on the slope south of the town: the only way down is the hairpin road Carretera de la Comella →
        // Carretera d'Engolasters → CG-2, ≈ 4.1 km and almost 5 minutes. Unit B is ≈ 1.7 km away in Andorra la Vella
        // on Avinguda de Tarragona, along the Valira valley: ≈ 2.0 km of town roads, just over 2 minutes.
        GeoPoint incident = new GeoPoint(42.5096, 1.5386);
        GeoPoint slope = new GeoPoint(42.505449, 1.539454);
        GeoPoint valley = new GeoPoint(42.503808, 1.519851);
        List<GeoPoint> units = List.of(slope, valley);

        List<TravelEstimate> estimates = model.toward(incident, units);

        assertThat(byStraightLine(incident, units)).containsExactly(0, 1);
        assertThat(byTime(estimates)).containsExactly(1, 0);
        assertThat(estimates.get(0).metres()).isGreaterThan(3_500);
        assertThat(estimates.get(0).seconds()).isGreaterThan(2 * estimates.get(1).seconds());
        assertThat(estimates).allMatch(TravelEstimate::byRoad);
    }

    @Test
    void positionsOffTheNetworkGetTheStraightLineEstimateFlaggedNotByRoad() {
        GeoPoint incident = new GeoPoint(42.508552, 1.532936);
        GeoPoint onRoad = new GeoPoint(42.506472, 1.522475);
        GeoPoint onTheMountain = new GeoPoint(42.48, 1.54);   // ≈ 2.2 km from the nearest road, beyond the 300 m
        GeoPoint barcelona = new GeoPoint(41.3874, 2.1686);    // outside the extract: no road at all
        assertThat(network.snap(onTheMountain).getQueryDistance()).isGreaterThan(1_000);
        assertThat(network.snap(barcelona).isValid()).isFalse();

        List<TravelEstimate> estimates = model.toward(incident, List.of(onRoad, onTheMountain, barcelona));

        StraightLineTravelTimes straight = new StraightLineTravelTimes(cn.civicloop.dispatch.internal.DispatchProperties.StraightLine.DEFAULTS);
        assertThat(estimates.get(0).byRoad()).isTrue();
        assertThat(estimates.get(1)).isEqualTo(straight.estimate(onTheMountain, incident));
        assertThat(estimates.get(2)).isEqualTo(straight.estimate(barcelona, incident));
        assertThat(estimates.get(1).byRoad()).isFalse();
        assertThat(estimates.get(2).seconds()).isGreaterThan(3 * 3600); // ≈ 150 km at 30 km/h × 1.3
    }

    @Test
    void anIncidentOffTheNetworkGivesStraightLineEstimatesForAll() {
        GeoPoint incident = new GeoPoint(42.48, 1.54);

        List<TravelEstimate> estimates = model.toward(incident,
                List.of(new GeoPoint(42.506472, 1.522475), new GeoPoint(42.508552, 1.532936)));

        assertThat(estimates).hasSize(2).noneMatch(TravelEstimate::byRoad).allMatch(TravelEstimate::reachable);
    }

    @Test
    void originsBeyondTheSearchLimitAreUnreachable() {
        RoadNetworkTravelTimes bounded = new RoadNetworkTravelTimes(Andorra.settings()
                .withSearchLimit(Duration.ofMinutes(2)));
        try {
            bounded.loadNow();
            GeoPoint incident = new GeoPoint(42.508552, 1.532936);     // Andorra la Vella
            GeoPoint nearby = new GeoPoint(42.507508, 1.528773);       // ≈ 1 min away
            GeoPoint canillo = new GeoPoint(42.5676, 1.5976);          // up the CG-2, well over 2 min

            List<TravelEstimate> estimates = bounded.toward(incident, List.of(nearby, canillo));

            assertThat(estimates.get(0).reachable()).isTrue();
            assertThat(estimates.get(1)).isEqualTo(TravelEstimate.unreachable());
            assertThat(model.toward(incident, List.of(canillo)).get(0).seconds()).isGreaterThan(120);
        } finally {
            bounded.close();
        }
    }

    @Test
    void emergencySpeedFactorShortensTheDrivingPart() {
        RoadNetworkTravelTimes fast = new RoadNetworkTravelTimes(Andorra.settings().withEmergencySpeedFactor(1.25));
        try {
            fast.loadNow();
            GeoPoint unit = new GeoPoint(42.506472, 1.522475);
            GeoPoint incident = new GeoPoint(42.513108, 1.536005);
            double access = accessSeconds(unit, incident);

            double ordinary = model.toward(incident, List.of(unit)).get(0).seconds();
            double emergency = fast.toward(incident, List.of(unit)).get(0).seconds();

            assertThat(emergency - access).isCloseTo((ordinary - access) / 1.25, within(0.01));
        } finally {
            fast.close();
        }
    }

    @Test
    void fiveHundredUnitsAreAnsweredInOneCall() {
        GeoPoint incident = new GeoPoint(42.5096, 1.5386);
        List<GeoPoint> units = positionsNearRoads(new Random(5), 500, incident, 0.04);

        List<TravelEstimate> estimates = model.toward(incident, units);

        assertThat(estimates).hasSize(500);
        // positions were drawn within 50 m of a road of the main network and within about 4 km of the incident, so
        // every one is answered by road; a few lie on slow mountain tracks more than the 30 min search limit away
        assertThat(estimates).allMatch(TravelEstimate::byRoad);
        assertThat(estimates).filteredOn(TravelEstimate::reachable).hasSizeGreaterThan(490)
                // the limit bounds the driving; the ≤ 50 m to the road at each end add up to 24 s
                .allMatch(e -> e.seconds() > 0 && e.seconds() <= 30 * 60 + 24);
        for (int i = 0; i < units.size(); i++) {
            if (!estimates.get(i).reachable()) {
                assertThat(route(units.get(i), incident).getTime()).isGreaterThan(30 * 60 * 1000L);
            }
        }
    }

    @Test
    void beforeTheGraphIsReadyEveryAnswerIsStraightLine() {
        RoadNetworkTravelTimes notLoaded = new RoadNetworkTravelTimes(Andorra.settings());

        List<TravelEstimate> estimates = notLoaded.toward(new GeoPoint(42.5096, 1.5386),
                List.of(new GeoPoint(42.505449, 1.539454)));

        assertThat(notLoaded.ready()).isFalse();
        assertThat(notLoaded.label()).contains("直线");
        assertThat(estimates.get(0).byRoad()).isFalse();
        assertThat(model.label()).isEqualTo("路网");
    }

    // --- helpers

    private ResponsePath route(GeoPoint from, GeoPoint to) {
        GHResponse response = network.graphHopper().route(new GHRequest(from.lat(), from.lon(), to.lat(), to.lon())
                .setProfile(RoadGraph.PROFILE).setLocale(java.util.Locale.US));
        assertThat(response.hasErrors()).as("%s", response.getErrors()).isFalse();
        return response.getBest();
    }

    /** GraphHopper's route time plus the stretches between each point and where the route starts and ends. */
    private double expectedSeconds(GeoPoint from, GeoPoint to) {
        return route(from, to).getTime() / 1000.0 + accessSeconds(from, to);
    }

    private double accessSeconds(GeoPoint from, GeoPoint to) {
        var waypoints = route(from, to).getWaypoints();
        double metres = from.metresTo(new GeoPoint(waypoints.getLat(0), waypoints.getLon(0)))
                + to.metresTo(new GeoPoint(waypoints.getLat(1), waypoints.getLon(1)));
        return metres / ACCESS_METRES_PER_SECOND;
    }

    /**
     * Random points that lie within 50 m of a drivable road: anywhere in the extract when {@code centre} is null,
     * else within {@code degrees} of latitude and longitude around it.
     */
    private List<GeoPoint> positionsNearRoads(Random random, int count, GeoPoint centre, double degrees) {
        var bounds = network.graph().getBounds();
        double minLat = centre == null ? bounds.minLat : centre.lat() - degrees;
        double minLon = centre == null ? bounds.minLon : centre.lon() - degrees;
        double latSpan = centre == null ? bounds.maxLat - bounds.minLat : 2 * degrees;
        double lonSpan = centre == null ? bounds.maxLon - bounds.minLon : 2 * degrees;
        List<GeoPoint> points = new ArrayList<>(count);
        while (points.size() < count) {
            GeoPoint p = new GeoPoint(minLat + random.nextDouble() * latSpan, minLon + random.nextDouble() * lonSpan);
            var snap = network.snap(p);
            if (snap.isValid() && snap.getQueryDistance() < 50) {
                points.add(p);
            }
        }
        return points;
    }

    private static List<Integer> byStraightLine(GeoPoint incident, List<GeoPoint> units) {
        return IntStream.range(0, units.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> units.get(i).metresTo(incident))).toList();
    }

    private static List<Integer> byTime(List<TravelEstimate> estimates) {
        return IntStream.range(0, estimates.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> estimates.get(i).seconds())).toList();
    }
}
