package cn.civicloop.triage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Fills an empty routing catalogue from a data file (the demo district's by default). */
@Component
@Order(5)
class CatalogueSeeder implements ApplicationRunner {

    private final Catalogue catalogue;
    private final Resource file;

    CatalogueSeeder(Catalogue catalogue, TriageProperties properties) {
        this.catalogue = catalogue;
        this.file = properties.catalogueFile();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!catalogue.isEmpty()) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 9) {
                    throw new IllegalStateException(file + ": expected 9 fields in '" + line + "'");
                }
                catalogue.save(new Rule(null, f[0], blank(f[1]), blank(f[2]), blank(f[3]), blank(f[4]), f[5],
                        blank(f[6]), Integer.parseInt(f[7].strip()), true, blank(f[8])), "system");
            }
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
