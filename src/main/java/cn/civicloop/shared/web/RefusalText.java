package cn.civicloop.shared.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal's message is written once in both languages, "中文说明 (English explanation)", optionally followed by
 * data (": 12345"). The API sends it whole; a page shows only the part in the page's language, so that no sentence
 * on a page mixes both languages.
 */
public final class RefusalText {

    private static final Pattern BILINGUAL =
            Pattern.compile("^(?<zh>[^()（）]*?\\p{IsHan}[^()（）]*?)\\s*\\((?<en>[^()\\p{IsHan}]*)\\)(?<rest>.*)$",
                    Pattern.DOTALL);

    private RefusalText() {
    }

    /** The part of a bilingual message in the given locale's language; any other message unchanged. */
    public static String in(String message, Locale locale) {
        if (message == null) {
            return null;
        }
        Matcher m = BILINGUAL.matcher(message);
        if (!m.matches()) {
            return message;
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String text = english ? capitalised(m.group("en").strip()) : m.group("zh").strip();
        return text + m.group("rest");
    }

    /** The part of a refusal's message in the language of the page being served. */
    public static String of(RuntimeException e) {
        return of(e.getMessage());
    }

    /** A bilingual message (a refusal's, a field problem's) in the language of the page being served. */
    public static String of(String message) {
        return in(message, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
