package cn.civicloop.planning.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.util.MultiValueMap;

import cn.civicloop.planning.CallSource;
import cn.civicloop.planning.HypercubeMethod;
import cn.civicloop.planning.PlanningRefusal;
import cn.civicloop.planning.RunRequest;
import cn.civicloop.shared.Phrase;

/**
 * The page's form as a run request: {@code source}, {@code from}, {@code to}, {@code callsPerHour}, {@code days},
 * {@code units.<block code>}, {@code reservePerBlock}, {@code assumptions.<name>}, {@code hypercube}, {@code seed}.
 * An empty field is left out (the default applies); a field that is not a number or a date is refused by name.
 */
final class PlanningForm {

    static final String UNITS = "units.";
    static final String ASSUMPTIONS = "assumptions.";

    private PlanningForm() {
    }

    static RunRequest parse(MultiValueMap<String, String> form) {
        Map<String, Integer> units = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(UNITS)) {
                Integer n = value(form, name, Integer::valueOf);
                if (n != null) {
                    units.put(name.substring(UNITS.length()), n);
                }
            }
        });
        RunRequest.Assumptions assumptions = new RunRequest.Assumptions(number(form, "emergencySpeedKmh"),
                number(form, "detourFactor"), number(form, "processingSeconds"), number(form, "stationTurnoutSeconds"),
                number(form, "patrolTurnoutSeconds"), number(form, "returnSpeedKmh"), number(form, "patrolSpeedKmh"));
        return new RunRequest(value(form, "source", CallSource::valueOf), value(form, "from", LocalDate::parse),
                value(form, "to", LocalDate::parse), value(form, "callsPerHour", Double::valueOf),
                value(form, "days", Integer::valueOf), units, value(form, "reservePerBlock", Integer::valueOf),
                assumptions, value(form, "hypercube", HypercubeMethod::valueOf), value(form, "seed", Long::valueOf));
    }

    private static Double number(MultiValueMap<String, String> form, String assumption) {
        return value(form, ASSUMPTIONS + assumption, Double::valueOf);
    }

    private static <T> T value(MultiValueMap<String, String> form, String field, Function<String, T> parse) {
        String text = form.getFirst(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PlanningRefusal(field, Phrase.of("problem.planning.format", "{0} 的值无效。",
                    PlanningRefusal.fieldLabel(field)));
        }
    }
}
