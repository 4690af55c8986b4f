package cn.civicloop.cameras.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo's invented cameras ({@value #DEMO_FILE}, written by the test-source {@code DemoCamerasGenerator}
 * along the demo roads) into an empty registry when {@code civicloop.cameras.seed-demo} is on, through the ordinary
 * import, so they carry a history line like any import.
 */
@Component
@Order(5)
class DemoCameraSeeder implements ApplicationRunner {

    static final String DEMO_FILE = "cameras/demo-cameras.csv";

    private static final Logger log = LoggerFactory.getLogger(DemoCameraSeeder.class);

    private final CameraRegistry registry;
    private final CamerasProperties settings;

    DemoCameraSeeder(CameraRegistry registry, CamerasProperties settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.seedDemo() || registry.count() > 0) {
            return;
        }
        CameraRegistry.Outcome outcome = registry.importFile(demoFile(), "system", "演示点位（生成数据）");
        log.info("Demo cameras: {} loaded", outcome.created());
    }

    static byte[] demoFile() {
        try (InputStream in = new ClassPathResource(DEMO_FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
