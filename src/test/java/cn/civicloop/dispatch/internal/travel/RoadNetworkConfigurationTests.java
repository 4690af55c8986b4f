package cn.civicloop.dispatch.internal.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import cn.civicloop.dispatch.internal.DispatchProperties;
import cn.civicloop.geo.GeoPoint;

/** The road-network model is a bean only when an OSM extract is configured, and never stops the application. */
class RoadNetworkConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RoadNetworkConfiguration.class);

    @Test
    void withoutAnOsmFileThereIsNoRoadNetworkModel() {
        context.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(TravelTimeModel.class));
    }

    @Test
    void withAnOsmFileTheModelLoadsInTheBackgroundWithTheConfiguredSettings() {
        context.withPropertyValues("civicloop.dispatch.road-network.osm-file=" + Andorra.osmFile(),
                        "civicloop.dispatch.road-network.graph-dir=" + Andorra.GRAPH_DIR,
                        "civicloop.dispatch.road-network.emergency-speed-factor=1.2",
                        "civicloop.dispatch.road-network.search-limit=20m",
                        "civicloop.dispatch.straight-line.detour-factor=1.5")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(TravelTimeModel.class);
                    RoadNetworkTravelTimes model = ctx.getBean(RoadNetworkTravelTimes.class);
                    model.awaitReady(Duration.ofMinutes(2));

                    assertThat(model.label()).isEqualTo("路网");
                    assertThat(model.toward(new GeoPoint(42.513108, 1.536005),
                            List.of(new GeoPoint(42.506472, 1.522475))).get(0).byRoad()).isTrue();
                    DispatchProperties.RoadGraphSettings settings = ctx.getBean(DispatchProperties.class).roadNetwork();
                    assertThat(settings.emergencySpeedFactor()).isEqualTo(1.2);
                    assertThat(settings.searchLimit()).isEqualTo(Duration.ofMinutes(20));
                    assertThat(settings.snapToleranceMetres()).isEqualTo(300);
                    DispatchProperties.StraightLine straight = ctx.getBean(DispatchProperties.class).straightLine();
                    assertThat(straight.detourFactor()).isEqualTo(1.5);
                    assertThat(straight.speedKmh()).isEqualTo(30);
                });
    }

    @Test
    void aMissingExtractLeavesTheStraightLineEstimatesInPlace() {
        context.withPropertyValues("civicloop.dispatch.road-network.osm-file=target/no-such-extract.osm.pbf",
                        "civicloop.dispatch.road-network.graph-dir=target/road-network-graph")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    RoadNetworkTravelTimes model = ctx.getBean(RoadNetworkTravelTimes.class);
                    org.assertj.core.api.Assertions.assertThatIllegalStateException()
                            .isThrownBy(() -> model.awaitReady(Duration.ofSeconds(30)))
                            .withMessageContaining("could not be loaded");

                    assertThat(model.ready()).isFalse();
                    assertThat(model.label()).isEqualTo("直线×1.3÷30km/h（路网不可用）");
                    assertThat(model.toward(new GeoPoint(42.513108, 1.536005),
                            List.of(new GeoPoint(42.506472, 1.522475))).get(0).byRoad()).isFalse();
                });
    }

    @Test
    void theRoadNetworksStraightLineAnswersAreTheStraightLineModelsWithTheSameSettings() {
        context.withPropertyValues("civicloop.dispatch.road-network.osm-file=target/no-such-extract.osm.pbf",
                        "civicloop.dispatch.road-network.graph-dir=target/road-network-graph",
                        "civicloop.dispatch.straight-line.detour-factor=1.5",
                        "civicloop.dispatch.straight-line.speed-kmh=25")
                .run(ctx -> {
                    RoadNetworkTravelTimes model = ctx.getBean(RoadNetworkTravelTimes.class);
                    org.assertj.core.api.Assertions.assertThatIllegalStateException()
                            .isThrownBy(() -> model.awaitReady(Duration.ofSeconds(30)));
                    GeoPoint incident = new GeoPoint(34.8597, 117.5546);
                    List<GeoPoint> units = List.of(new GeoPoint(34.8301, 117.5217), new GeoPoint(34.87, 117.60),
                            new GeoPoint(34.8597, 117.5546));
                    StraightLineTravelTimes straight = new StraightLineTravelTimes(1.5, 25);
                    assertThat(model.toward(incident, units)).isEqualTo(straight.toward(incident, units));
                    // ≈ 4.5 km × 1.5 ÷ 25 km/h: the figure follows the shared settings
                    double metres = units.get(0).metresTo(incident) * 1.5;
                    assertThat(model.toward(incident, units).get(0).seconds()).isCloseTo(metres / (25 / 3.6),
                            org.assertj.core.api.Assertions.within(1e-6));
                    assertThat(model.label()).startsWith(straight.label());
                });
    }
}
