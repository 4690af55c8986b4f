package cn.civicloop.classifier.model;

/**
 * The vocabulary's columns looked up by a term's parts — block letter, kind letter and a stretch of a text — without
 * making the term's string (词表列查找). Classifying an appeal looks up a thousand or more candidate terms, most of
 * them character n-grams that are not in the vocabulary at all; building a string and a map entry for each of them
 * was most of the features' cost after segmentation. The hash is {@link String#hashCode()} of the whole term, so a
 * stretch and the term's string agree on it.
 * Open addressing over a power-of-two table whose slots hold the term's hash next to its column, so a gram that is
 * not in the vocabulary is turned away after one read of the table, without reading any term; immutable once built,
 * so thread-safe.
 */
final class TermColumns {

    private final String[] terms;
    /** The term's hash in the high half, its 1-based column in the low half; 0 for an empty slot. */
    private final long[] slots;
    private final int mask;

    TermColumns(String[] terms) {
        this.terms = terms;
        int capacity = Integer.highestOneBit(Math.max(4, terms.length * 2 + 1) - 1) << 1;
        this.slots = new long[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < terms.length; i++) {
            int hash = terms[i].hashCode();
            int slot = spread(hash) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (long) hash << 32 | (i + 1);
        }
    }

    /** The hash of the two letters a term begins with, to be continued with {@link #next} over its stretch. */
    static int start(char block, char kind) {
        return 31 * block + kind;
    }

    /** The hash continued with one more character, as {@link String#hashCode()} does. */
    static int next(int hash, char c) {
        return 31 * hash + c;
    }

    /** The hash of the term {@code block kind text[from, to)}. */
    static int hash(char block, char kind, String text, int from, int to) {
        int h = start(block, kind);
        for (int i = from; i < to; i++) {
            h = next(h, text.charAt(i));
        }
        return h;
    }

    /**
     * The column of the term {@code block kind text[from, to)} whose hash is {@code hash}, 0 when the vocabulary
     * does not hold it.
     */
    int column(int hash, char block, char kind, String text, int from, int to) {
        int length = to - from;
        int slot = spread(hash) & mask;
        for (long entry = slots[slot]; entry != 0; entry = slots[slot]) {
            if ((int) (entry >>> 32) == hash) {
                int column = (int) entry;
                String term = terms[column - 1];
                if (term.length() == length + 2 && term.charAt(0) == block && term.charAt(1) == kind
                        && term.regionMatches(2, text, from, length)) {
                    return column;
                }
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    /** String hashes of similar short terms differ in their low bits little: mixed so that they spread over the table. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
