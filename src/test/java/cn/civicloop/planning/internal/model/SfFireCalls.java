package cn.civicloop.planning.internal.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the San Francisco Fire Department "Calls for Service" extract (../shared/datasets/calls/, see its
 * SOURCE.md) in place: the data has no licence for redistribution, so it is never copied into the repository, and a
 * missing file is an error that says where it was expected. One row is one unit's response to one incident.
 * Test code only: the application never reads the shared folder.
 */
public final class SfFireCalls {

    /**
     * The shared folder next to the project ({@code ../shared}, where CI's clone has it), else {@code /work/shared}
     * (a clone elsewhere on the development machine); {@code -Dplanning.calls.file=…} overrides both.
     */
    public static final Path DEFAULT_FILE = defaultFile();

    private static Path defaultFile() {
        String name = "datasets/calls/sffd_calls_2016-12-31_2017-01-07.csv";
        String configured = System.getProperty("planning.calls.file");
        if (configured != null) {
            return Path.of(configured);
        }
        Path beside = Path.of("../shared").resolve(name);
        Path machine = Path.of("/work/shared").resolve(name);
        return Files.isRegularFile(beside) || !Files.isRegularFile(machine) ? beside : machine;
    }

    /** Intervals outside (0, 3 h] are data errors or cancelled units, as in the research note's recomputation. */
    private static final double MAX_ON_SCENE_SECONDS = 3 * 3600;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    /** One unit response row, reduced to what the analysis uses. Times are local San Francisco time. */
    public record UnitResponse(String incident, String unit, LocalDateTime received, LocalDateTime onScene,
            LocalDateTime available, String originalPriority, double lat, double lon) {
    }

    private SfFireCalls() {
    }

    public static List<UnitResponse> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("SF calls file missing: " + file.toAbsolutePath()
                    + " (expected the shared folder next to the project, ../shared/datasets/calls/, "
                    + "or -Dplanning.calls.file=...)");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = CsvLines.next(in);
            if (header == null) {
                throw new IllegalStateException("SF calls file is empty: " + file);
            }
            Map<String, Integer> column = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                column.put(header.get(i).replace("\uFEFF", ""), i);
            }
            for (String needed : List.of("Incident Number", "Unit ID", "Received DtTm", "On Scene DtTm",
                    "Available DtTm", "Original Priority", "Location")) {
                if (!column.containsKey(needed)) {
                    throw new IllegalStateException("SF calls file " + file + " lacks column '" + needed + "'");
                }
            }
            List<UnitResponse> rows = new ArrayList<>();
            List<String> f;
            while ((f = CsvLines.next(in)) != null) {
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                double[] latLon = location(f.get(column.get("Location")), rows.size() + 2);
                rows.add(new UnitResponse(f.get(column.get("Incident Number")), f.get(column.get("Unit ID")),
                        stamp(f.get(column.get("Received DtTm"))), stamp(f.get(column.get("On Scene DtTm"))),
                        stamp(f.get(column.get("Available DtTm"))), f.get(column.get("Original Priority")),
                        latLon[0], latLon[1]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SF calls file " + file, e);
        }
    }

    /**
     * One call per incident: received at the earliest "Received" stamp, at the incident's location projected with
     * {@code projection}, priority 1 when the original priority is 3 (emergency, lights and sirens) else 2, and the
     * time on scene of the first unit to arrive (On Scene → Available). Incidents where no unit arrived (cancelled)
     * or the interval is implausible get the median of the others. Times are seconds from the first call.
     */
    public static List<Call> incidents(List<UnitResponse> rows, LocalProjection projection) {
        Map<String, List<UnitResponse>> byIncident = new LinkedHashMap<>();
        for (UnitResponse r : rows) {
            byIncident.computeIfAbsent(r.incident(), k -> new ArrayList<>()).add(r);
        }
        List<double[]> raw = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        LocalDateTime first = rows.stream().map(UnitResponse::received).min(Comparator.naturalOrder()).orElseThrow();
        for (List<UnitResponse> units : byIncident.values()) {
            LocalDateTime received = units.stream().map(UnitResponse::received).min(Comparator.naturalOrder())
                    .orElseThrow();
            UnitResponse firstOnScene = units.stream().filter(u -> u.onScene() != null && u.available() != null)
                    .min(Comparator.comparing(UnitResponse::onScene)).orElse(null);
            double onScene = Double.NaN;
            if (firstOnScene != null) {
                double s = seconds(firstOnScene.available()) - seconds(firstOnScene.onScene());
                if (s > 0 && s <= MAX_ON_SCENE_SECONDS) {
                    onScene = s;
                    known.add(s);
                }
            }
            UnitResponse any = units.get(0);
            int priority = "3".equals(any.originalPriority().trim()) ? 1 : 2;
            raw.add(new double[] {seconds(received) - seconds(first), any.lat(), any.lon(), priority, onScene});
        }
        double median = Summary.of(known.stream().mapToDouble(Double::doubleValue).toArray()).median();
        List<Call> calls = new ArrayList<>();
        for (double[] c : raw) {
            calls.add(new Call(c[0], projection.toPlane(c[1], c[2]), (int) c[3], Double.isNaN(c[4]) ? median : c[4]));
        }
        calls.sort(Comparator.comparingDouble(Call::receivedAt));
        return calls;
    }

    /** The projection centred on the mean position of the rows. */
    public static LocalProjection centredOn(List<UnitResponse> rows) {
        return new LocalProjection(rows.stream().mapToDouble(UnitResponse::lat).average().orElseThrow(),
                rows.stream().mapToDouble(UnitResponse::lon).average().orElseThrow());
    }

    private static double seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    private static LocalDateTime stamp(String text) {
        return text == null || text.isBlank() ? null : LocalDateTime.parse(text.trim(), STAMP);
    }

    private static double[] location(String text, int line) {
        String[] parts = text.replace("(", "").replace(")", "").split(",");
        if (parts.length != 2) {
            throw new IllegalStateException("line " + line + ": location '" + text + "' is not '(lat, lon)'");
        }
        return Arrays.stream(parts).mapToDouble(p -> Double.parseDouble(p.trim())).toArray();
    }
}
