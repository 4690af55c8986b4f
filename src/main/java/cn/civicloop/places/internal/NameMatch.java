package cn.civicloop.places.internal;

/**
 * Where a name of the gazetteer was found in a text, allowing for typos and homophones: an approximate substring
 * match (edit distance with a free start in the text) where a character of the same pinyin costs little.
 *
 * @param similarity 1 − cost / length of the name; 1 for the name as written
 * @param start      first character of the text matched
 * @param end        one past the last character matched
 */
record NameMatch(double similarity, int start, int end) {

    private static final double SAME_SOUND = 0.2;
    private static final double SIMILAR_SOUND = 0.4;
    private static final double MISSING = 0.8;
    private static final double EXTRA = 1.0;

    /** The best match of {@code name} anywhere in {@code text}, or null when nothing of it appears. */
    static NameMatch find(Spelled name, Spelled text) {
        int n = name.length();
        int m = text.length();
        double[] prev = new double[m + 1];
        double[] cur = new double[m + 1];
        int[] prevStart = new int[m + 1];
        int[] curStart = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prevStart[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i * MISSING;
            curStart[0] = 0;
            for (int j = 1; j <= m; j++) {
                double sub = prev[j - 1] + cost(name, i - 1, text, j - 1);
                double del = prev[j] + MISSING;
                double ins = cur[j - 1] + EXTRA;
                if (sub <= del && sub <= ins) {
                    cur[j] = sub;
                    curStart[j] = prevStart[j - 1];
                } else if (del <= ins) {
                    cur[j] = del;
                    curStart[j] = prevStart[j];
                } else {
                    cur[j] = ins;
                    curStart[j] = curStart[j - 1];
                }
            }
            double[] t = prev;
            prev = cur;
            cur = t;
            int[] s = prevStart;
            prevStart = curStart;
            curStart = s;
        }
        int best = -1;
        for (int j = 1; j <= m; j++) {
            if (best < 0 || prev[j] < prev[best] || prev[j] == prev[best] && j - prevStart[j] > best - prevStart[best]) {
                best = j;
            }
        }
        if (best < 0 || prev[best] >= n) {
            return null;
        }
        return new NameMatch(1 - prev[best] / n, prevStart[best], best);
    }

    private static double cost(Spelled name, int i, Spelled text, int j) {
        if (name.chars().charAt(i) == text.chars().charAt(j)) {
            return 0;
        }
        if (name.pinyin()[i].equals(text.pinyin()[j])) {
            return SAME_SOUND;
        }
        if (name.fuzzy()[i].equals(text.fuzzy()[j]) && name.pinyin()[i].length() > 1) {
            return SIMILAR_SOUND;
        }
        return 1;
    }

    /**
     * Whether {@code name} may match somewhere in the text with at least {@code similarity}: an upper bound of what
     * {@link #find} would answer, read from what each character of the name could cost at best against any
     * character of the text (0 when the text has it, {@link #SAME_SOUND} or {@link #SIMILAR_SOUND} when it has its
     * sound, else {@link #MISSING}). False only when {@link #find} could not reach it: a cheap test before it, which
     * aligns the name against every position of the text.
     */
    static boolean mayReach(Spelled name, Contents text, double similarity) {
        int n = name.length();
        double allowed = (1 - similarity) * n;
        double cost = 0;
        for (int i = 0; i < n; i++) {
            if (text.chars().contains(name.chars().charAt(i))) {
                continue;
            }
            if (text.pinyin().contains(name.pinyin()[i])) {
                cost += SAME_SOUND;
            } else if (text.fuzzy().contains(name.fuzzy()[i]) && name.pinyin()[i].length() > 1) {
                cost += SIMILAR_SOUND;
            } else {
                cost += MISSING;
            }
            if (cost > allowed) {
                return false;
            }
        }
        return true;
    }

    /** The characters, sounds and coarse sounds found anywhere in a text. */
    record Contents(java.util.Set<Character> chars, java.util.Set<String> pinyin, java.util.Set<String> fuzzy) {

        static Contents of(Spelled text) {
            java.util.Set<Character> chars = new java.util.HashSet<>();
            for (int i = 0; i < text.length(); i++) {
                chars.add(text.chars().charAt(i));
            }
            return new Contents(chars, java.util.Set.of(java.util.Arrays.stream(text.pinyin()).distinct()
                    .toArray(String[]::new)), java.util.Set.of(java.util.Arrays.stream(text.fuzzy()).distinct()
                    .toArray(String[]::new)));
        }
    }

    /** A text with its pinyin and fuzzy pinyin per character, computed once. */
    record Spelled(String chars, String[] pinyin, String[] fuzzy) {

        static Spelled of(String chars) {
            String[] pinyin = Pinyins.of(chars);
            String[] fuzzy = new String[pinyin.length];
            for (int i = 0; i < pinyin.length; i++) {
                fuzzy[i] = Pinyins.fuzzy(pinyin[i]);
            }
            return new Spelled(chars, pinyin, fuzzy);
        }

        int length() {
            return chars.length();
        }

        Spelled substring(int from) {
            return new Spelled(chars.substring(from), java.util.Arrays.copyOfRange(pinyin, from, pinyin.length),
                    java.util.Arrays.copyOfRange(fuzzy, from, fuzzy.length));
        }
    }
}
