package cn.civicloop.classifier.model;

import java.util.Map;

/**
 * Character n-grams (字符 n-gram) of a normalised text, the features that still carry a word HanLP's dictionary
 * does not know (a street's name, a new estate). The grams stay inside a run of letters and digits: punctuation and
 * spaces are boundaries, not content: 路灯 followed by a comma and 不亮 gives no gram 灯不.
 */
public final class CharGrams {

    private CharGrams() {
    }

    /**
     * Adds one to {@code counts} for every gram of 1 to {@code longest} code points of {@code text}, keyed by the
     * block letter, the kind letter {@code c} and the gram (for example {@code tc路灯}).
     */
    public static void count(String text, char block, int longest, Map<String, Integer> counts) {
        String prefix = block + "c";
        int[] cps = text.codePoints().toArray();
        int start = 0;
        while (start < cps.length) {
            if (!Character.isLetterOrDigit(cps[start])) {
                start++;
                continue;
            }
            int end = start;
            while (end < cps.length && Character.isLetterOrDigit(cps[end])) {
                end++;
            }
            for (int i = start; i < end; i++) {
                for (int n = 1; n <= longest && i + n <= end; n++) {
                    counts.merge(prefix + new String(cps, i, n), 1, Integer::sum);
                }
            }
            start = end;
        }
    }
}
