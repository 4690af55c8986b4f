package cn.civicloop.opinion.internal;

import cn.civicloop.shared.Phrase;

/**
 * Why a post is refused, the same for a vendor's push and for a row of an imported file: phrases of the bundles, so
 * that the vendor or the officer reads them in the request's language.
 */
public final class PostRefusals {

    public static final Phrase ID = Phrase.of("problem.opinion.post-id", "请填写帖子编号，最长 200 字");
    public static final Phrase TIME = Phrase.of("problem.opinion.post-time",
            "时间须为 ISO 8601 格式或 2026-05-01 10:00（本区时间）");
    public static final Phrase TITLE_OR_TEXT = Phrase.of("problem.opinion.title-or-text", "标题和正文至少填写一项");

    private PostRefusals() {
    }

    /** A row of an imported file refused: its line and the reason. */
    static Phrase atLine(long line, Phrase reason) {
        return Phrase.of("problem.opinion.import-line", "第 {0} 行：{1}", line, reason);
    }
}
