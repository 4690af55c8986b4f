package cn.civicloop.triage.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.shared.DomainException;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * Loads the default hazard and linkage rules once: on a catalogue whose history shows they were never loaded (a
 * new database, or one from before they existed). Rules an admin deleted later are not brought back. Each rule
 * passes the admin's checks; a file naming a department the directory does not have stops the start, with the
 * reason, rather than leave a life-safety rule pointing nowhere.
 */
@Component
@Order(5)
class HazardSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HazardSeeder.class);

    private final HazardCatalogue catalogue;
    private final HazardRuleCheck check;
    private final Resource file;

    HazardSeeder(HazardCatalogue catalogue, HazardRuleCheck check, TriageProperties properties) {
        this.catalogue = catalogue;
        this.check = check;
        this.file = properties.hazardRulesFile();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (catalogue.seeded()) {
            return;
        }
        int loaded = 0;
        try (var in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            for (HazardRule rule : HazardRuleFile.read(in, file.getDescription())) {
                try {
                    check.check(rule);
                } catch (DomainException e) {
                    throw new IllegalStateException(file.getDescription() + ", rule " + rule.name() + ": "
                            + e.getMessage() + " " + e.fieldProblems(), e);
                }
                catalogue.save(rule, "system", CatalogueHistory.SEED);
                loaded++;
            }
        }
        log.info("Loaded {} default hazard and linkage rules from {}", loaded, file.getDescription());
    }
}
