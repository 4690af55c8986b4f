package cn.civicloop.places.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.geo.Jurisdictions;

/**
 * Writes the generated demo address set ({@link DemoGazetteer}, seed {@value #SEED}) on a database whose gazetteer is
 * empty, when {@code civicloop.places.seed-demo} is on. The demo roads are those of the road chiefs' demo network
 * (the same generated file), so doorplates line up with the segments the chiefs patrol.
 */
@Component
@Order(4)
class GazetteerSeeder implements ApplicationRunner {

    static final long SEED = 19;
    static final String DEMO_ROADS = "roads/demo-roads.geojson";

    private static final Logger log = LoggerFactory.getLogger(GazetteerSeeder.class);

    private final ElementStore store;
    private final Jurisdictions areas;
    private final PlacesProperties properties;
    private final GazetteerIndexHolder index;
    private final Clock clock;

    GazetteerSeeder(ElementStore store, Jurisdictions areas, PlacesProperties properties, GazetteerIndexHolder index,
            Clock clock) {
        this.store = store;
        this.areas = areas;
        this.properties = properties;
        this.index = index;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo() || !store.empty()) {
            return;
        }
        long start = System.nanoTime();
        List<Element> elements = new DemoGazetteer(areas, SEED, DemoGazetteer.Scale.DEMO).generate(demoRoads());
        long generated = System.nanoTime();
        store.insert(elements, clock.instant(), "system");
        store.recordChanges(List.of(new Change("*", "SEEDED", null, elements.size() + " elements",
                "演示地址库（生成数据）")), clock.instant(), "system");
        index.changed();
        log.info("Demo gazetteer: {} elements generated in {} ms, written in {} ms", elements.size(),
                (generated - start) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
    }

    static String demoRoads() {
        try (InputStream in = new ClassPathResource(DEMO_ROADS).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
