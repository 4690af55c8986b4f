package cn.civicloop.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.civicloop.cases.ActionField;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Upload;

/**
 * The values of one request for an action, read by the fields the action declares: typed values from a JSON body
 * ({@code 12}, {@code true}, {@code SATISFIED}) and text from a page form ({@code "12"}, {@code "on"}) alike. A
 * blank value counts as missing. Reading a field the action does not declare is a mistake in the catalogue.
 */
final class ActionValues {

    private final CaseAction action;
    private final List<ActionField> declared;
    private final Map<String, ?> values;
    private final List<Upload> photos;

    private ActionValues(ActionEntry entry, Map<String, ?> values, List<Upload> photos) {
        this.action = entry.action();
        this.declared = entry.fields();
        this.values = values;
        this.photos = photos;
    }

    /**
     * The values for {@code entry}, refused at once (all problems together) if a required id, number or choice is
     * missing, or photos come with an action that keeps none.
     */
    static ActionValues of(ActionEntry entry, Map<String, ?> values, List<Upload> photos) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ActionField f : entry.fields()) {
            if (f.required() && !f.kind().text() && f.kind() != ActionField.Kind.PHOTOS && blank(values.get(f.name()))) {
                problems.add(new FieldProblem(f.name(),
                        Phrase.of("problem.cases.missing-field", "缺少字段 {0}", f.name())));
            }
        }
        if (!photos.isEmpty() && !entry.keepsEvidence()) {
            problems.add(new FieldProblem("photos",
                    Phrase.of("problem.cases.this-action-takes-no-photos", "此操作不接受照片")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).phrase(), problems);
        }
        return new ActionValues(entry, values, photos);
    }

    String text(ActionField f) {
        Object v = value(f);
        return v == null ? null : v.toString();
    }

    /** The first of {@code fields} that has a value. */
    String firstText(ActionField... fields) {
        for (ActionField f : fields) {
            String v = text(f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    Long id(ActionField f) {
        Object v = value(f);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Integer || v instanceof Short) {
            return ((Number) v).longValue();
        }
        try {
            return Long.valueOf(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(f.name(), Phrase.of("problem.cases.not-a-number", "请填写数字", f.name()));
        }
    }

    Integer days(ActionField f) {
        Long v = id(f);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            throw new InvalidInputException(f.name(), Phrase.of("problem.cases.out-of-range", "数字过大", f.name()));
        }
        return v == null ? null : v.intValue();
    }

    Boolean yes(ActionField f) {
        Object v = value(f);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        String s = v.toString().strip().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new InvalidInputException(f.name(), Phrase.of("problem.cases.yes-or-no", "请选择是或否", f.name()));
        }
        return Boolean.valueOf(s);
    }

    /** A tick box: ticked when {@code true}, or {@code on} as a browser sends it. */
    boolean checked(ActionField f) {
        Object v = value(f);
        return Boolean.TRUE.equals(v) || (v instanceof String s && (s.equals("on") || s.equalsIgnoreCase("true")));
    }

    Satisfaction satisfaction(ActionField f) {
        Object v = value(f);
        if (v == null || v instanceof Satisfaction) {
            return (Satisfaction) v;
        }
        try {
            return Satisfaction.valueOf(v.toString().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(f.name(), Phrase.of("problem.cases.choose-a-satisfaction", "请选择满意度"));
        }
    }

    List<Upload> photos() {
        return photos;
    }

    private Object value(ActionField f) {
        if (!declared.contains(f)) {
            throw new IllegalStateException(action + " reads field " + f.name() + " it does not declare");
        }
        Object v = values.get(f.name());
        return blank(v) ? null : v;
    }

    private static boolean blank(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }
}
