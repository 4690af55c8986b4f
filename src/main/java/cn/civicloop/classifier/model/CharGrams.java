package cn.civicloop.classifier.model;

import java.util.Map;

/**
 * Character n-grams (字符 n-gram) of a normalised text, the features that still carry a word HanLP's dictionary
 * does not know (a street's name, a new estate). The grams stay inside a run of letters and digits: punctuation and
 * spaces are boundaries, not content: 路灯 followed by a comma and 不亮 gives no gram 灯不.
 */
public final class CharGrams {

    /** Receives a gram as a stretch of the text, {@code text[from, to)} in chars. */
    @FunctionalInterface
    public interface Sink {
        void gram(String text, int from, int to);
    }

    private CharGrams() {
    }

    /**
     * Adds one to {@code counts} for every gram of 1 to {@code longest} code points of {@code text}, keyed by the
     * block letter, the kind letter {@code c} and the gram (for example {@code tc路灯}).
     */
    public static void count(String text, char block, int longest, Map<String, Integer> counts) {
        String prefix = block + "c";
        forEach(text, longest, (s, from, to) -> counts.merge(prefix + s.substring(from, to), 1, Integer::sum));
    }

    /**
     * Hands every gram of 1 to {@code longest} code points of {@code text} to {@code sink}, as a stretch of the text
     * (no string made): for each start, the shorter grams first.
     */
    public static void forEach(String text, int longest, Sink sink) {
        int length = text.length();
        int start = 0;
        while (start < length) {
            int cp = text.codePointAt(start);
            if (!Character.isLetterOrDigit(cp)) {
                start += Character.charCount(cp);
                continue;
            }
            int end = start + Character.charCount(cp);
            while (end < length && Character.isLetterOrDigit(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            for (int i = start; i < end; i += Character.charCount(text.codePointAt(i))) {
                int to = i;
                for (int n = 1; n <= longest && to < end; n++) {
                    to += Character.charCount(text.codePointAt(to));
                    sink.gram(text, i, to);
                }
            }
            start = end;
        }
    }
}
