package cn.civicloop.open311.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * The fields of a GeoReport call, from a query string, a form body or an XML body: name → values. A field given
 * empty counts as not given ("a null parameter should be treated as equivalent to a non-declared parameter").
 */
public record Open311Form(Map<String, List<String>> values) {

    public Open311Form {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .toList()));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The one value of {@code name}, or null; two different values are refused. */
    public String one(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.stream().distinct().count() > 1) {
            throw new InvalidInputException(name, Phrase.of("problem.open311.one-value", "只能给出一个值"));
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** The comma-separated values of {@code name} over every time it is given. */
    public List<String> list(String name) {
        return values.getOrDefault(name, List.of()).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    /** The attributes: {@code attribute[code]=v} and {@code attribute[code][]=v}, code → values. */
    public Map<String, List<String>> attributes() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("attribute[") && !v.isEmpty()) {
                int close = k.indexOf(']');
                if (close > "attribute[".length()) {
                    out.computeIfAbsent(k.substring("attribute[".length(), close), c -> new java.util.ArrayList<>())
                            .addAll(v);
                }
            }
        });
        return out;
    }
}
