package cn.civicloop.shared;

/**
 * Cleans free text before it is stored: control characters other than tab and line breaks are removed.
 * PostgreSQL refuses NUL in text, and the others only serve to confuse displays and logs. Unpaired surrogates
 * (a JSON body may carry "\ud800") are removed too: they are no character, and UTF-8 would store them as '?'.
 */
public final class Text {

    private Text() {
    }

    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(cp -> cp == '\t' || cp == '\n' || cp == '\r' || !Character.isISOControl(cp))
                .filter(cp -> Character.getType(cp) != Character.SURROGATE)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** Cleaned, or {@code null} when nothing is left. */
    public static String cleanOrNull(String value) {
        String cleaned = clean(value);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }
}
