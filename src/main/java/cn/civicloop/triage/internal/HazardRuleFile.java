package cn.civicloop.triage.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.civicloop.cases.Urgency;
import cn.civicloop.routing.csv.CsvFormatException;
import cn.civicloop.routing.csv.CsvReader;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * A file of hazard and linkage rules (RFC 4180 CSV, UTF-8, with a header; a record whose first field starts with
 * {@code #} is a comment): {@code name, level, patterns, exclude_patterns, channels} ({@code |}-separated),
 * {@code area_code, department_code, unit_code, urgency, refer_110, diverts, priority, note}.
 */
final class HazardRuleFile {

    private static final List<String> COLUMNS = List.of("name", "level", "patterns", "exclude_patterns", "channels",
            "area_code", "department_code", "unit_code", "urgency", "refer_110", "diverts", "priority", "note");

    private HazardRuleFile() {
    }

    static List<HazardRule> read(Reader in, String source) throws IOException {
        List<HazardRule> rules = new ArrayList<>();
        try (CsvReader csv = new CsvReader(in, source)) {
            Map<String, Integer> at = null;
            for (List<String> record = csv.next(); record != null; record = csv.next()) {
                if (record.get(0).startsWith("#")) {
                    continue;
                }
                if (at == null) {
                    at = header(record, source);
                    continue;
                }
                try {
                    rules.add(rule(record, at));
                } catch (RuntimeException e) {
                    throw new CsvFormatException(source + " line " + csv.recordLine() + ": " + e.getMessage());
                }
            }
        }
        return rules;
    }

    private static Map<String, Integer> header(List<String> record, String source) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            at.put(record.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source + ": missing columns " + missing);
        }
        return at;
    }

    private static HazardRule rule(List<String> r, Map<String, Integer> at) {
        String channels = field(r, at, "channels");
        return new HazardRule(null, field(r, at, "name"), HazardLevel.valueOf(field(r, at, "level")),
                field(r, at, "patterns"), field(r, at, "exclude_patterns"),
                channels == null ? List.of() : Arrays.asList(channels.split("\\|")), field(r, at, "area_code"),
                field(r, at, "department_code"), field(r, at, "unit_code"), Urgency.valueOf(field(r, at, "urgency")),
                Boolean.parseBoolean(field(r, at, "refer_110")), Boolean.parseBoolean(field(r, at, "diverts")),
                Integer.parseInt(field(r, at, "priority")), true, field(r, at, "note"));
    }

    private static String field(List<String> record, Map<String, Integer> at, String column) {
        int i = at.get(column);
        String v = i < record.size() ? record.get(i).strip() : "";
        return v.isEmpty() ? null : v;
    }
}
