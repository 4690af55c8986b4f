package cn.civicloop.triage.internal;

/**
 * The text a pattern runs over, counting the characters the regular-expression engine reads: a pattern that
 * backtracks without end (an admin's {@code (a+)+b}, or {@code .*} over a long appeal) is stopped instead of
 * holding a triage thread. Admin patterns are tried against long texts before they are saved (see
 * {@link HazardRuleCheck}), so a running rule should never reach its budget.
 */
final class BoundedText implements CharSequence {

    /** Thrown when a pattern read more characters than its budget. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("pattern read too many characters", null, false, false);
        }
    }

    /** Characters a pattern may read per character of text, and at least. */
    static final int READS_PER_CHAR = 2_000;
    static final int MIN_READS = 200_000;

    private final String text;
    private final long[] left;
    private final int from;
    private final int to;

    BoundedText(String text) {
        this(text, new long[] {Math.max(MIN_READS, (long) READS_PER_CHAR * text.length())}, 0, text.length());
    }

    private BoundedText(String text, long[] left, int from, int to) {
        this.text = text;
        this.left = left;
        this.from = from;
        this.to = to;
    }

    @Override
    public char charAt(int index) {
        if (--left[0] < 0) {
            throw new TooSlow();
        }
        return text.charAt(from + index);
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text, left, from + start, from + end);
    }

    @Override
    public String toString() {
        return text.substring(from, to);
    }
}
