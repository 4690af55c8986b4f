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

    private static final java.util.regex.Pattern LONG_DIGIT_RUN = java.util.regex.Pattern.compile("\\d{7,}");

    /**
     * The text without runs of seven digits or more (a phone, an identity or a bank number a resident wrote into his
     * words), for the copies of those words that other tables keep (training examples): what they are kept for
     * needs no such number, and a copy must not hold one in clear beside the sealed contact.
     */
    public static String withoutLongNumbers(String value) {
        return value == null ? null : LONG_DIGIT_RUN.matcher(value).replaceAll("");
    }
}
