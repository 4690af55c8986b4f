package cn.civicloop.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The module wires itself from its own package alone, and a broken areas file stops the application starting. */
class GeographyContextTest {

    @Configuration
    @ComponentScan("cn.civicloop.geo.internal")
    static class GeographyOnly {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(GeographyOnly.class);

    @Test
    void theDemoDistrictIsLoadedByDefault() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(Jurisdictions.class);
            assertThat(ctx.getBean(Jurisdictions.class).areas(AreaLevel.STREET)).hasSize(11);
        });
    }

    @Test
    void aBrokenFileFailsStartupWithAMessageNamingTheProblem(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.geojson");
        Files.writeString(broken, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "370402", "name": "市中区", "level": "DISTRICT"},
                   "geometry": {"type": "Polygon", "coordinates": [[[117.5,34.8],[117.6,34.8],[117.6,34.9],[117.5,34.8]]]}},
                  {"type": "Feature", "properties": {"code": "37040200100101", "name": "网格", "level": "GRID", "parent": "370402001001"},
                   "geometry": {"type": "Polygon", "coordinates": [[[117.5,34.8],[117.6,34.8],[117.6,34.9],[117.5,34.8]]]}}
                ]}""");
        context.withPropertyValues("civicloop.geo.areas=" + broken.toUri()).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessageContaining("broken.geojson")
                    .hasMessageContaining("grid 37040200100101 (网格) names parent community 370402001001, which is not in the file");
        });
    }
}
