package cn.civicloop.roads.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo road network (generated data under {@code roads/}: areas, squads, chiefs, segments) on a
 * database without road areas. Chiefs with a {@code username} are linked to the demo staff accounts.
 */
@Component
@Order(5)
class RoadNetworkSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoadNetworkSeeder.class);

    private final RoadData data;
    private final RoadGeoJson geoJson;
    private final RoadsProperties properties;

    RoadNetworkSeeder(RoadData data, RoadGeoJson geoJson, RoadsProperties properties) {
        this.data = data;
        this.geoJson = geoJson;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedNetwork() || !data.empty()) {
            return;
        }
        for (String[] a : csv("roads/demo-areas.csv")) {
            data.insertArea(a[0], a[1], a[2], a[3]);
        }
        for (String[] s : csv("roads/demo-squads.csv")) {
            data.insertSquad(s[0], s[1], data.areaIdByCode(s[2]).orElseThrow(), s[3]);
        }
        int chiefs = 0;
        for (String[] c : csv("roads/demo-chiefs.csv")) {
            Long squad = c[3].isEmpty() ? null : data.squadIdByCode(c[3]).orElseThrow();
            Long area = c[4].isEmpty() ? null : data.areaIdByCode(c[4]).orElseThrow();
            data.insertChief(c[0], c[1], Integer.parseInt(c[2]), squad, area, c[5], c.length > 6 && !c[6].isEmpty() ? c[6] : null);
            chiefs++;
        }
        int segments = geoJson.importGeoJson(text("roads/demo-roads.geojson"));
        log.info("Road network: {} segments, {} chiefs loaded from the demo data", segments, chiefs);
    }

    private static List<String[]> csv(String path) {
        return text(path).lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    private static String text(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
