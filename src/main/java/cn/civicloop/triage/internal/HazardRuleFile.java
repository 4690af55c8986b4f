package cn.civicloop.triage.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.civicloop.cases.Urgency;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * A file of hazard and linkage rules (YAML, see {@code triage/demo-hazard-rules.yml}): a list {@code rules}, each
 * with {@code name, level, priority, patterns} and optionally {@code exclude, channels, area, unit, note}, and
 * {@code department, urgency, refer110, diverts}. Patterns are best written in single quotes (no escapes).
 */
final class HazardRuleFile {

    private HazardRuleFile() {
    }

    static List<HazardRule> read(Reader in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map) || !(map.get("rules") instanceof List<?> list)) {
            throw new IllegalStateException(source + ": expected a list 'rules'");
        }
        List<HazardRule> rules = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> r)) {
                throw new IllegalStateException(source + ": rule " + (rules.size() + 1) + " is not a mapping");
            }
            try {
                rules.add(rule(r));
            } catch (RuntimeException e) {
                throw new IllegalStateException(source + ": rule " + (rules.size() + 1) + " (" + r.get("name") + "): "
                        + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static HazardRule rule(Map<?, ?> r) {
        List<String> channels = r.get("channels") instanceof List<?> c ? c.stream().map(String::valueOf).toList()
                : List.of();
        return new HazardRule(null, text(r, "name"), HazardLevel.valueOf(required(r, "level")),
                required(r, "patterns"), text(r, "exclude"), channels, text(r, "area"), required(r, "department"),
                text(r, "unit"), Urgency.valueOf(required(r, "urgency")), Boolean.TRUE.equals(r.get("refer110")),
                Boolean.TRUE.equals(r.get("diverts")), Integer.parseInt(required(r, "priority")), true, text(r, "note"));
    }

    private static String required(Map<?, ?> r, String key) {
        String v = text(r, key);
        if (v == null) {
            throw new IllegalStateException("'" + key + "' is missing");
        }
        return v;
    }

    private static String text(Map<?, ?> r, String key) {
        Object v = r.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }
}
