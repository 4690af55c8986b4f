package cn.civicloop.shared;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A sentence for a person that is written once per language in the message bundles: its key, the arguments (data
 * such as a case number, shown as given) and the Chinese default used when no bundle is at hand (logs, tests). A
 * refusal carrying a phrase is answered wholly in the language of the request, never "中文 (English)".
 *
 * @param key      the message key in {@code messages*.properties} ({@code problem.<module>.<what>})
 * @param fallback the Chinese text, with {@code {0}}… for the arguments as in the bundle
 * @param args     the arguments: data as text (so that no number is regrouped, "1,234"), or phrases themselves
 *                 (a label such as a status's, read in the same language)
 */
public record Phrase(String key, String fallback, List<Object> args) {

    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, String fallback, Object... args) {
        return new Phrase(key, fallback,
                Arrays.stream(args).map(a -> a instanceof Phrase p ? (Object) p : String.valueOf(a)).toList());
    }

    /** The arguments with every phrase among them read by {@code reader}. */
    public Object[] arguments(Function<Phrase, String> reader) {
        return args.stream().map(a -> a instanceof Phrase p ? reader.apply(p) : a).toArray();
    }

    /** The Chinese default with its arguments filled in (a bundle's text is formatted the same way). */
    public String text() {
        return args.isEmpty() ? fallback
                : new MessageFormat(fallback, Locale.SIMPLIFIED_CHINESE).format(arguments(Phrase::text));
    }

    @Override
    public String toString() {
        return text();
    }
}
