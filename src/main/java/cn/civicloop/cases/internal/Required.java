package cn.civicloop.cases.internal;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Text;

/** Field checks shared by the command handlers; each names the field the user has to fix. */
final class Required {

    static final int MAX_REMARK = cn.civicloop.cases.StepRemark.MAX_STORED;
    static final int MAX_REPLY = 5000;

    private Required() {
    }

    /**
     * What a required text is, as the refusal names it in the reader's language ({@code cases.field.<NAME>} in the
     * cases' bundles): "请填写退单理由", "Please fill in the reason for returning the case".
     */
    enum What {
        DECLINE_REASON("不予受理的理由"),
        ANSWER("答复内容"),
        VOID_REASON("作废理由"),
        NOTE_TEXT("备注内容"),
        MERGE_INTO("要并入的工单号"),
        REASSIGN_REASON("改派理由"),
        ARBITRATION_REASON("终审理由"),
        RETURN_REASON("退单理由"),
        DENY_RETURN_REASON("驳回退单的理由"),
        EXTENSION_REASON("延期理由"),
        DENY_EXTENSION_REASON("不同意延期的理由"),
        PARK_REASON("挂账理由"),
        REPLY_TEXT("办理结果"),
        CO_REPLY_TEXT("协办结果"),
        CO_RETURN_REASON("退回理由"),
        CO_RELEASE_REASON("解除协办的理由"),
        REJECT_REASON("驳回理由"),
        REWORK_REASON("重办理由"),
        REOPEN_REASON("不满意的原因"),
        PLACE_REASON("理由"),
        URGENCY_REASON("理由");

        private final String chinese;

        What(String chinese) {
            this.chinese = chinese;
        }

        /** The bundle key of the name. */
        String key() {
            return "cases.field." + name();
        }

        Phrase phrase() {
            return Phrase.of(key(), chinese);
        }
    }

    static String text(String field, String value, What what) {
        return text(field, value, what, MAX_REMARK);
    }

    static String text(String field, String value, What what, int max) {
        if (Text.cleanOrNull(value) == null) {
            // "请填写退单理由", "Please fill in the reason for returning the case": the name read in the same language
            throw new InvalidInputException(field,
                    Phrase.of("problem.cases.field-required", "请填写{0}", what.phrase(), field));
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
