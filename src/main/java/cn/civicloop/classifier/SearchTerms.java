package cn.civicloop.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The terms by which Chinese text is found (ADR 0020): the same function at write time and for a query, so a query
 * finds every text holding its words whatever the segmenter would have made of either.
 * <p>
 * The text is put in one written form ({@link ChineseText#normalise}: 全角 → 半角, 繁体 → 简体, no spaces) and in
 * lower case. A run of Chinese characters gives its overlapping character bigrams ("广场舞扰民" → 广场, 场舞, 舞扰,
 * 扰民) — a word of two or more characters is then always found, and a query's bigrams all present is close to its
 * phrase being present; a run of one Chinese character gives that character. A run of Latin letters or digits gives
 * the run itself ("12345", "ktv"), cut at {@value #MAX_TERM} characters. Punctuation, emoji and symbols separate runs
 * and are never terms. Whitespace joins Chinese characters ("燃 气" is "燃气") but separates Latin words.
 */
public final class SearchTerms {

    /** The longest term kept: longer Latin or digit runs (a pasted hash, a long number) are cut. */
    public static final int MAX_TERM = 32;

    private SearchTerms() {
    }

    /** The distinct terms of a text, in the order they first appear; empty for null or a text without words. */
    public static List<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        String folded = ChineseText.normalise(latinWordsApart(text)).toLowerCase(Locale.ROOT);
        int[] cps = folded.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (isHan(cps[i])) {
                int end = i;
                while (end < cps.length && isHan(cps[end])) {
                    end++;
                }
                addHanRun(cps, i, end, terms);
                i = end;
            } else if (isWordChar(cps[i])) {
                int end = i;
                while (end < cps.length && isWordChar(cps[end]) && !isHan(cps[end])) {
                    end++;
                }
                terms.add(new String(cps, i, Math.min(end - i, MAX_TERM)));
                i = end;
            } else {
                i++;
            }
        }
        return List.copyOf(terms);
    }

    /** The terms a query asks for: the same as {@link #of}; empty means there is nothing to search for. */
    public static List<String> ofQuery(String query) {
        return of(query);
    }

    /**
     * The stored form of terms: separated by single spaces, with a leading and a trailing space, so that
     * {@code LIKE '% term %'} finds a whole term and {@code string_to_array(btrim(col), ' ')} gives the array.
     */
    public static String column(List<String> terms) {
        if (terms.isEmpty()) {
            return " ";
        }
        return " " + String.join(" ", terms) + " ";
    }

    /** The terms of a stored column, as {@link #column} wrote them. */
    public static List<String> fromColumn(String column) {
        List<String> terms = new ArrayList<>();
        if (column == null) {
            return terms;
        }
        for (String term : column.strip().split(" ")) {
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return terms;
    }

    /**
     * The text with a separator where whitespace stands between two Latin letters or digits: the normal form drops
     * every space (Chinese has none between words, "燃 气 泄 漏" is "燃气泄漏"), which would make "drop table" one
     * term "droptable" that the query "drop table" then misses inside "drop table cases".
     */
    private static String latinWordsApart(String text) {
        if (text == null) {
            return null;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        int i = 0;
        while (i < folded.length()) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < folded.length() && (Character.isWhitespace(folded.charAt(end))
                    || Character.isSpaceChar(folded.charAt(end)))) {
                end++;
            }
            boolean between = out.length() > 0 && end < folded.length()
                    && isLatinOrDigit(out.codePointBefore(out.length())) && isLatinOrDigit(folded.codePointAt(end));
            out.append(between ? "/" : folded.substring(i, end));
            i = end;
        }
        return out.toString();
    }

    private static boolean isLatinOrDigit(int cp) {
        return Character.isLetterOrDigit(cp) && !isHan(cp);
    }

    private static void addHanRun(int[] cps, int start, int end, Set<String> terms) {
        if (end - start == 1) {
            terms.add(new String(cps, start, 1));
            return;
        }
        for (int i = start; i + 1 < end; i++) {
            terms.add(new String(cps, i, 2));
        }
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }
}
