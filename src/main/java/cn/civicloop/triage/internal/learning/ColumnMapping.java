package cn.civicloop.triage.internal.learning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which column of an uploaded file holds what (字段映射), by header name: the category (required), the title and/or
 * the content (at least one), optionally the department and the date; and how labels the category tree does not know
 * map onto its categories ({@code 市容环卫=城乡建设}).
 */
public record ColumnMapping(String title, String content, String category, String department, String date,
        Map<String, String> labels) {

    public ColumnMapping {
        title = blankToNull(title);
        content = blankToNull(content);
        category = blankToNull(category);
        department = blankToNull(department);
        date = blankToNull(date);
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((from, to) -> {
                if (from != null && !from.isBlank() && to != null && !to.isBlank()) {
                    cleaned.put(from.strip(), to.strip());
                }
            });
        }
        labels = Map.copyOf(cleaned);
    }

    /** Parses label mappings written one per line or separated by ';' as {@code from=to}. */
    public static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split("[;\\n]")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        }
        return labels;
    }

    /** The label mappings as {@link #parseLabels} reads them. */
    public String labelsText() {
        StringBuilder s = new StringBuilder();
        labels.forEach((from, to) -> s.append(s.isEmpty() ? "" : ";").append(from).append('=').append(to));
        return s.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
