package cn.civicloop.triage.internal.learning;

/** Why a row of an upload cannot be imported; each has a sentence in the bundles ({@code triage.learning.problem.*}). */
public enum RowProblem {
    TOO_FEW_FIELDS("字段数不足（本行 {0} 个）"),
    NO_LABEL("没有分类"),
    NO_TEXT("标题和内容都为空"),
    TITLE_TOO_LONG("标题超过 200 字（{0} 字）"),
    CONTENT_TOO_LONG("内容超过 10000 字（{0} 字）"),
    UNKNOWN_LABEL("分类“{0}”不在分类树中，请映射"),
    BAD_DATE("日期“{0}”无法识别");

    private final String fallback;

    RowProblem(String fallback) {
        this.fallback = fallback;
    }

    /** The Chinese sentence, with {0} for the value. */
    public String fallback() {
        return fallback;
    }

    public String key() {
        return "triage.learning.problem." + name();
    }
}
