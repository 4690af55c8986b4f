package cn.civicloop.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.InvalidInputException;

/** The submitted fields of an admin form and the problems found in them, shown next to each input. */
final class FormValues {

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormValues(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    Map<String, String> values() {
        return values;
    }

    Map<String, String> errors() {
        return errors;
    }

    String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    boolean checked(String field) {
        String v = values.get(field);
        return v != null && (v.equals("on") || v.equals("true"));
    }

    Long number(String field) {
        String v = text(field);
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, "请输入数字 (a number is required)");
            return null;
        }
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String v = text(field);
        try {
            return v == null ? null : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(field, "无效的选项 (not a valid choice)");
            return null;
        }
    }

    /** Throws the problems found while reading the form, so that nothing is saved. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("输入有误，请检查标出的字段 (please correct the marked fields)",
                    errors.entrySet().stream().map(e -> new DomainException.FieldProblem(e.getKey(), e.getValue())).toList());
        }
    }

    /** Shows a refusal: its message at the top, each field problem next to its input. */
    void refused(DomainException e) {
        e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), p.reason()));
        errors.put("form", e.getMessage());
    }
}
