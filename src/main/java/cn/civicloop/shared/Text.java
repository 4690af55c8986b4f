package cn.civicloop.shared;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Seven characters or more that start with a digit, end with a digit or the X of an identity number, and hold
     * only digits, spaces and dashes between: a phone ("138 1234 5678", "0531-8888 6666"), an identity or a bank
     * number. Full-width digits count too: a resident typing on a Chinese keyboard writes them.
     */
    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9０-９][0-9０-９ \t\u3000－-]{5,}[0-9０-９Xx]");

    /**
     * The text with each long number replaced by what {@code replacement} makes of it: the one rule for every copy
     * of a resident's words that leaves the sealed case (routing examples, opinion topics, the public board, Open311
     * listings), each choosing how a removed number reads.
     */
    public static String replaceLongNumbers(String value, UnaryOperator<String> replacement) {
        if (value == null) {
            return null;
        }
        Matcher m = LONG_NUMBER.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The text without its long numbers, for the copies of a resident's words that other tables keep (training
     * examples): what they are kept for needs no such number, and a copy must not hold one in clear beside the
     * sealed contact.
     */
    public static String withoutLongNumbers(String value) {
        return replaceLongNumbers(value, number -> "");
    }
}
