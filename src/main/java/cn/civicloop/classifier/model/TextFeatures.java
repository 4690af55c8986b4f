package cn.civicloop.classifier.model;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a title and a body into term counts (分词与字符 n-gram). Terms carry a one-letter block prefix —
 * {@code t} title, {@code d} body, {@code s} shared — and a kind letter, {@code w} dictionary word or {@code c}
 * character n-gram. Segmentation is HanLP's dictionary + bigram Viterbi ({@link HanLP#segment}), whose dictionaries
 * ship inside the portable jar: no model download, no network; with {@link FeatureConfig#routingTerms()} our own
 * words are added ({@link RoutingTerms}).
 */
public final class TextFeatures {

    public static final char TITLE = 't';
    public static final char DETAIL = 'd';
    public static final char SHARED = 's';
    /** Kind letter of a dictionary word. */
    public static final char WORD = 'w';
    /** Kind letter of a character n-gram. */
    public static final char GRAM = 'c';

    private TextFeatures() {
    }

    /** Receives a term as its block letter, its kind letter and a stretch of a text, {@code text[from, to)}. */
    @FunctionalInterface
    public interface Sink {
        void term(char block, char kind, String text, int from, int to);
    }

    public static Map<String, Integer> of(String title, String detail, FeatureConfig config) {
        Map<String, Integer> counts = new HashMap<>();
        forEach(title, detail, config, (block, kind, text, from, to) ->
                counts.merge(new StringBuilder(to - from + 2).append(block).append(kind).append(text, from, to)
                        .toString(), 1, Integer::sum));
        return counts;
    }

    /**
     * Hands every term occurrence of {@link #of} to {@code sink}, once per occurrence, without making its string:
     * classification looks the stretches up in the vocabulary ({@link Vocabulary#vectorise(String, String,
     * FeatureConfig)}), where most grams are not found.
     */
    public static void forEach(String title, String detail, FeatureConfig config, Sink sink) {
        String t = normalise(title);
        String d = normalise(detail);
        boolean shared = config.sharedWeight() > 0;
        // Each text is segmented once: the shared block holds the same words as the text's own block, and HanLP's
        // segmentation is most of the CPU an appeal's classification costs.
        if (!t.isEmpty()) {
            List<String> words = words(t, config);
            add(t, words, TITLE, config.maxCharGram(), sink);
            if (shared) {
                add(t, words, SHARED, config.maxCharGram(), sink);
            }
        }
        if (!d.isEmpty()) {
            List<String> words = words(d, config);
            add(d, words, DETAIL, config.detailCharGram(), sink);
            if (shared) {
                add(d, words, SHARED, config.maxCharGram(), sink);
            }
        }
    }

    /** Full-width forms to half-width (NFKC) and lower case, so that "Ａ市" and "A市" are one term. */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** The dictionary words of a normalised text with some letter or digit in them; none when words are off. */
    private static List<String> words(String text, FeatureConfig config) {
        if (!config.words()) {
            return List.of();
        }
        List<Term> terms = config.routingTerms() ? RoutingTerms.segment(text) : HanLP.segment(text);
        List<String> words = new ArrayList<>(terms.size());
        for (Term term : terms) {
            if (hasContent(term.word)) {
                words.add(term.word);
            }
        }
        return words;
    }

    private static void add(String text, List<String> words, char block, int longest, Sink sink) {
        for (String word : words) {
            sink.term(block, WORD, word, 0, word.length());
        }
        CharGrams.forEach(text, longest, (s, from, to) -> sink.term(block, GRAM, s, from, to));
    }

    private static boolean hasContent(String word) {
        for (int i = 0; i < word.length(); i += Character.charCount(word.codePointAt(i))) {
            if (Character.isLetterOrDigit(word.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }
}
