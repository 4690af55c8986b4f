package cn.civicloop.evaluation.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether a case's accepted exclusions (',CODE,CODE,') take it out of an indicator, with the meaning of the SQL the
 * drill-down uses, {@code x.indicators like '%,CODE,%'}: an underscore of the code matches any one character there,
 * so the Java test matches it the same way and a figure never differs from its drill-down.
 */
final class Exclusions {

    private static final Map<String, Pattern> LIKE = new ConcurrentHashMap<>();

    private Exclusions() {
    }

    static boolean excludes(String excluded, String code) {
        return excluded != null && LIKE.computeIfAbsent(code, Exclusions::pattern).matcher(excluded).matches();
    }

    /** The LIKE pattern as a regular expression; a code holds only capitals, digits and underscores. */
    private static Pattern pattern(String code) {
        if (!code.matches("[A-Z0-9_]{1,24}")) {
            throw new IllegalArgumentException("indicator code " + code);
        }
        return Pattern.compile(".*," + code.replace("_", ".") + ",.*", Pattern.DOTALL);
    }
}
