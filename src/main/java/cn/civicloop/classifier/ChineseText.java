package cn.civicloop.classifier;

import java.text.Normalizer;
import java.util.List;

import com.hankcs.hanlp.HanLP;

/**
 * What phrase rules need of Chinese text: one written form (全角 → 半角, 繁体 → 简体, no spaces between words) and
 * whether a phrase is negated where it occurs ("没有人受伤", "不是燃气泄漏", "未起火") or only supposed ("万一漏气",
 * "容易起火").
 * <p>
 * A phrase counts as negated when a cue stands in the same clause (no punctuation between) and ends at most
 * {@value #MAX_GAP} characters before it. Words that only look like negations do not count: a question
 * ("有没有漏气", "是不是煤气味") asks rather than denies, "没多久就着火了" tells when, "没人管" complains. The
 * judgement errs towards the phrase: a wrong "negated" can hide a danger, a wrong "not negated" only raises one.
 * The emergency words themselves are data: the hazard rules of the routing catalogue (triage).
 */
public final class ChineseText {

    /** Characters after which a negation no longer reaches. */
    private static final String CLAUSE_BREAKS = "，,。.！!？?；;：:、\n\r（）()【】“”\"'…~～";

    /**
     * Cues that the phrase does not happen now: negations, longer ones first, then hypotheticals and habits
     * ("万一漏气怎么办", "容易起火", "每年都有溺水的") — a report of a danger that might be, not one that is.
     */
    private static final List<String> CUES = List.of("并没有", "没有", "并未", "并无", "并非", "不是", "不像", "排除",
            "无人", "没", "无", "未", "万一", "如果", "假如", "要是", "以免", "以防", "防止", "预防", "避免", "容易",
            "每年");

    /** Words containing a cue that do not negate what follows. */
    private static final List<String> NOT_NEGATIONS = List.of("有没有", "是不是", "有无", "没多久", "没过多久",
            "没一会", "没想到", "没办法", "没人管", "没人理", "没人修", "没人处理", "无法", "无奈", "无数", "无故",
            "无缘无故", "无人机", "无人看管", "无人管", "未知", "未成年", "主要是", "还要是", "不容易");

    /** The farthest a cue may end before the phrase it negates (没有[人员]受伤, 没[闻到]煤气味). */
    static final int MAX_GAP = 5;

    /** How far back a clause is searched for a cue. */
    private static final int WINDOW = 12;

    private ChineseText() {
    }

    /**
     * The text in one written form: compatibility forms folded (全角 letters and digits, ㎡), traditional characters
     * simplified, spaces and tabs removed (Chinese does not separate words; "燃 气 泄 漏"
     * is "燃气泄漏"); line breaks become clause breaks. Never null.
     */
    public static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder compact = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '\n' || c == '\r') {
                compact.append('\n');
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                compact.append(c);
            }
        }
        return HanLP.convertToSimplifiedChinese(compact.toString());
    }

    /** Whether the phrase starting at {@code at} in {@code text} is negated (see the class comment). */
    public static boolean negated(String text, int at) {
        int start = at;
        while (start > 0 && at - start < WINDOW && CLAUSE_BREAKS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String clause = masked(text.substring(start, at));
        for (String cue : CUES) {
            int found = clause.lastIndexOf(cue);
            if (found >= 0 && clause.length() - (found + cue.length()) <= MAX_GAP) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code phrase} occurs in {@code text} at least once without a negation before it. */
    public static boolean mentions(String text, String phrase) {
        if (text == null || phrase.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length())) {
            if (!negated(text, at)) {
                return true;
            }
        }
        return false;
    }

    /** The clause with every look-alike of a negation blanked out, so that its cue is not found. */
    private static String masked(String clause) {
        String masked = clause;
        for (String word : NOT_NEGATIONS) {
            if (masked.contains(word)) {
                masked = masked.replace(word, "·".repeat(word.length()));
            }
        }
        return masked;
    }
}
