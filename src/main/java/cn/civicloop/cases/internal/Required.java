package cn.civicloop.cases.internal;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Text;

/** Field checks shared by the command handlers; each names the field the user has to fix. */
final class Required {

    static final int MAX_REMARK = 2000;
    static final int MAX_REPLY = 5000;

    private Required() {
    }

    static String text(String field, String value, String what) {
        return text(field, value, what, MAX_REMARK);
    }

    static String text(String field, String value, String what, int max) {
        if (Text.cleanOrNull(value) == null) {
            // the bundles say it in words ("请填写退单理由"), the English one names the field ("reason is required")
            throw new InvalidInputException(field, Phrase.of("problem.cases.field-required", "请填写{0}", what, field));
        }
        return optional(field, value, max);
    }

    static String optional(String field, String value, int max) {
        String stripped = Text.cleanOrNull(value);
        if (stripped == null) {
            return null;
        }
        if (stripped.length() > max) {
            throw new InvalidInputException(field, Phrase.of("problem.cases.too-long", "不能超过 {0} 字", max));
        }
        return stripped;
    }
}
