package cn.civicloop.triage.internal.learning;

/**
 * A set of 64-bit fingerprints in one open-addressing array (8 bytes a row, not the ~50 of a boxed hash set): how an
 * upload of half a million rows recognises its duplicate rows without keeping their texts. Zero is never stored as
 * itself (it marks a free slot), so it is remapped.
 */
final class LongSet {

    private long[] slots = new long[1 << 12];
    private int size;

    /** Adds {@code value}; false when it was already there. */
    boolean add(long value) {
        long v = value == 0 ? 0x9E3779B97F4A7C15L : value;
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (mix(v) & mask);
        while (slots[i] != 0) {
            if (slots[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = v;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** FNV-1a over the characters of the parts, with a separator between them. */
    static long fingerprint(String... parts) {
        long h = 0xcbf29ce484222325L;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                h ^= part.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != 0) {
                add(v);
            }
        }
    }

    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return v;
    }
}
