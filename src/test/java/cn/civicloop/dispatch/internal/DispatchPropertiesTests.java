package cn.civicloop.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The dispatch settings: one record, the old keys, the defaults in the record, bad values refused at start. */
class DispatchPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DispatchProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheOnesTheModuleUsedBefore() {
        context.run(ctx -> {
            DispatchProperties p = ctx.getBean(DispatchProperties.class);
            assertThat(p.blocks()).isEqualTo(8);
            assertThat(p.rosterEpoch()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(p.reservePerBlock()).isEqualTo(1);
            assertThat(p.duplicate().metres()).isEqualTo(200);
            assertThat(p.duplicate().window()).isEqualTo(Duration.ofMinutes(30));
            assertThat(p.trackFlushMillis()).isEqualTo(1000);
            assertThat(p.pushTimeoutMillis()).isEqualTo(900_000);
            assertThat(p.straightLine()).isEqualTo(DispatchProperties.StraightLine.DEFAULTS);
            assertThat(p.roadNetwork()).isEqualTo(DispatchProperties.RoadGraphSettings.of(null, Path.of("data/graph")));
        });
    }

    @Test
    void theKeysAreTheOldOnes() {
        context.withPropertyValues("civicloop.dispatch.blocks=6", "civicloop.dispatch.roster-epoch=2027-03-01",
                "civicloop.dispatch.reserve-per-block=2", "civicloop.dispatch.duplicate.metres=150",
                "civicloop.dispatch.duplicate.window=PT10M", "civicloop.dispatch.track-flush-millis=250",
                "civicloop.dispatch.push-timeout-millis=60000", "civicloop.dispatch.straight-line.detour-factor=1.4",
                "civicloop.dispatch.straight-line.speed-kmh=25", "civicloop.dispatch.road-network.osm-file=x.osm.pbf",
                "civicloop.dispatch.road-network.search-limit=20m").run(ctx -> {
                    DispatchProperties p = ctx.getBean(DispatchProperties.class);
                    assertThat(p.blocks()).isEqualTo(6);
                    assertThat(p.rosterEpoch()).isEqualTo(LocalDate.of(2027, 3, 1));
                    assertThat(p.reservePerBlock()).isEqualTo(2);
                    assertThat(p.duplicate()).isEqualTo(new DispatchProperties.Duplicate(150, Duration.ofMinutes(10)));
                    assertThat(p.trackFlushMillis()).isEqualTo(250);
                    assertThat(p.pushTimeoutMillis()).isEqualTo(60_000);
                    assertThat(p.straightLine()).isEqualTo(new DispatchProperties.StraightLine(1.4, 25));
                    assertThat(p.roadNetwork().osmFile()).isEqualTo(Path.of("x.osm.pbf"));
                    assertThat(p.roadNetwork().searchLimit()).isEqualTo(Duration.ofMinutes(20));
                });
    }

    @Test
    void aBadValueStopsTheStartAndNamesTheKey() {
        context.withPropertyValues("civicloop.dispatch.straight-line.detour-factor=0.9").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("straightLine.detourFactor"));
        context.withPropertyValues("civicloop.dispatch.reserve-per-block=-1").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("reservePerBlock"));
        context.withPropertyValues("civicloop.dispatch.road-network.access-speed-kmh=0").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("roadNetwork.accessSpeedKmh"));
    }
}
