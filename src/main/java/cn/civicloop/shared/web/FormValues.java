package cn.civicloop.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * The submitted fields of a page form (the admin pages of several modules) and the problems found in them, shown
 * next to each input.
 */
public final class FormValues {

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormValues(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public boolean checked(String field) {
        String v = values.get(field);
        return v != null && (v.equals("on") || v.equals("true"));
    }

    public Long number(String field) {
        String v = text(field);
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, RefusalText.of(Phrase.of("problem.shared.number-required", "请输入数字")));
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String v = text(field);
        try {
            return v == null ? null : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(field, RefusalText.of(Phrase.of("problem.shared.invalid-choice", "无效的选项")));
            return null;
        }
    }

    /** Throws the problems found while reading the form, so that nothing is saved. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(CORRECT_MARKED_FIELDS,
                    errors.entrySet().stream().map(e -> new DomainException.FieldProblem(e.getKey(), e.getValue())).toList());
        }
    }

    /**
     * Shows a refusal: its message at the top, each field problem next to its input. A refusal by the database (a
     * unique key another admin took between the check and the insert, a reference that disappeared) rolled the
     * whole transaction back: the form says so in words instead of the API's problem document.
     */
    public void refused(RuntimeException e) {
        if (e instanceof DomainException d) {
            d.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), RefusalText.of(p)));
            errors.put("form", RefusalText.of(d));
        } else {
            errors.put("form", RefusalText.of(CONFLICT));
        }
    }

    /** 422 for a refused input, 409 for a conflict with data stored meanwhile. */
    public static int status(RuntimeException e) {
        return e instanceof DomainException ? HttpStatus.UNPROCESSABLE_CONTENT.value() : HttpStatus.CONFLICT.value();
    }

    public static final Phrase CONFLICT = Phrase.of("problem.shared.form-conflict",
            "未保存：与已有数据冲突（例如编码或用户名刚被他人使用），未做任何修改，请检查后重试");

    /** The refusal of a form with problems marked next to its fields. */
    public static final Phrase CORRECT_MARKED_FIELDS = Phrase.of("problem.shared.correct-marked-fields",
            "输入有误，请检查标出的字段");
}
