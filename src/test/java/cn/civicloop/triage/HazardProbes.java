package cn.civicloop.triage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.civicloop.classifier.csv.CsvReader;

/**
 * The hazard probes of {@code src/test/resources/triage/}: appeals of our own writing with the hazard rule that
 * must decide them ({@code -}: none may) and the department they must reach ({@code -}: the classifier's choice).
 */
public final class HazardProbes {

    /** The probes, all asserted (see the file's head for which were written before and after the rules). */
    public static final String ASSERTED = "triage/hazard-probes.csv";

    /** One probe; {@code expectedRule} and {@code expectedDepartment} are null for "-". */
    public record Probe(String id, String channel, String title, String content, String expectedRule,
            String expectedDepartment, String expectedUrgency, boolean refer110, String phrasing) {

        public boolean expectsHazard() {
            return expectedRule != null;
        }
    }

    private HazardProbes() {
    }

    /** The probes of a test resource. */
    public static List<Probe> read(String resource) {
        var stream = HazardProbes.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("no test resource " + resource);
        }
        return read(new InputStreamReader(stream, StandardCharsets.UTF_8), resource);
    }

    /** The probes of a file. */
    public static List<Probe> read(java.nio.file.Path file) {
        try {
            return read(java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Probe> read(java.io.Reader in, String source) {
        List<Probe> probes = new ArrayList<>();
        try (CsvReader csv = new CsvReader(in, source)) {
            Map<String, Integer> at = null;
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                if (r.get(0).startsWith("#")) {
                    continue;
                }
                if (at == null) {
                    at = new HashMap<>();
                    for (int i = 0; i < r.size(); i++) {
                        at.put(r.get(i), i);
                    }
                    continue;
                }
                Map<String, Integer> c = at;
                probes.add(new Probe(r.get(c.get("id")), r.get(c.get("channel")), r.get(c.get("title")),
                        r.get(c.get("content")), dash(r.get(c.get("expected_rule"))),
                        dash(r.get(c.get("expected_department"))), r.get(c.get("expected_urgency")),
                        Boolean.parseBoolean(r.get(c.get("refer110"))), r.get(c.get("phrasing"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return probes;
    }

    private static String dash(String s) {
        return s == null || s.isBlank() || s.strip().equals("-") ? null : s.strip();
    }
}
