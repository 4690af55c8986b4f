package cn.civicloop.dispatch.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
                        "civicloop.dispatch.road-network.fallback.detour-factor=1.3")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(TravelTimeModel.class);
                    RoadNetworkTravelTimes model = ctx.getBean(RoadNetworkTravelTimes.class);
                    model.awaitReady(Duration.ofMinutes(2));

                    assertThat(model.label()).isEqualTo("路网");
                    assertThat(model.toward(new GeoPoint(42.513108, 1.536005),
                            List.of(new GeoPoint(42.506472, 1.522475))).get(0).byRoad()).isTrue();
                    RoadNetworkProperties settings = ctx.getBean(RoadNetworkProperties.class);
                    assertThat(settings.emergencySpeedFactor()).isEqualTo(1.2);
                    assertThat(settings.searchLimit()).isEqualTo(Duration.ofMinutes(20));
                    assertThat(settings.snapToleranceMetres()).isEqualTo(300);
                    assertThat(settings.fallback().detourFactor()).isEqualTo(1.3);
                    assertThat(settings.fallback().speedKmh()).isEqualTo(30);
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
                    assertThat(model.label()).isEqualTo("直线×绕行系数（路网不可用）");
                    assertThat(model.toward(new GeoPoint(42.513108, 1.536005),
                            List.of(new GeoPoint(42.506472, 1.522475))).get(0).byRoad()).isFalse();
                });
    }
}
