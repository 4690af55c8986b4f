package cn.civicloop.shared.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.Phrase;

/**
 * A refusal's reason in one language. A reason is a {@link Phrase} (a key of the bundles with its arguments) and is
 * read in the language of the request. Messages still written the old way, "中文说明 (English explanation)"
 * optionally followed by data (": 12345"), are cut to the part in the request's language, so that no answer, page or
 * problem document, mixes both languages.
 */
public final class RefusalText {

    private static final Pattern BILINGUAL =
            Pattern.compile("^(?<zh>[^()（）]*?\\p{IsHan}[^()（）]*?)\\s*\\((?<en>[^()\\p{IsHan}]*)\\)(?<rest>.*)$",
                    Pattern.DOTALL);

    /** The application's bundles, set when it starts ({@link RefusalMessages}); without them, the Chinese default. */
    private static volatile MessageSource messages;

    private RefusalText() {
    }

    static void use(MessageSource source) {
        messages = source;
    }

    /** A phrase in the given locale's language. */
    public static String in(Phrase phrase, Locale locale) {
        MessageSource source = messages;
        if (source == null) {
            return phrase.text();
        }
        Locale language = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        return source.getMessage(phrase.key(), phrase.arguments(p -> in(p, language)), phrase.fallback(), language);
    }

    /** A refusal's reason in the given locale's language. */
    public static String in(RuntimeException e, Locale locale) {
        if (e instanceof DomainException d && d.phrase() != null) {
            return in(d.phrase(), locale);
        }
        return in(e.getMessage(), locale);
    }

    /** A field problem's reason in the given locale's language. */
    public static String in(DomainException.FieldProblem problem, Locale locale) {
        return problem.phrase() != null ? in(problem.phrase(), locale) : in(problem.reason(), locale);
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

    /** A refusal's reason in the language of the page being served. */
    public static String of(RuntimeException e) {
        return in(e, LocaleContextHolder.getLocale());
    }

    /** A field problem's reason in the language of the page being served. */
    public static String of(DomainException.FieldProblem problem) {
        return in(problem, LocaleContextHolder.getLocale());
    }

    /** A phrase in the language of the page being served. */
    public static String of(Phrase phrase) {
        return in(phrase, LocaleContextHolder.getLocale());
    }

    /** A bilingual message (a refusal's, a field problem's) in the language of the page being served. */
    public static String of(String message) {
        return in(message, LocaleContextHolder.getLocale());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
