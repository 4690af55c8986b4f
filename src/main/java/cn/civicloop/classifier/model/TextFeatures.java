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

    private TextFeatures() {
    }

    public static Map<String, Integer> of(String title, String detail, FeatureConfig config) {
        Map<String, Integer> counts = new HashMap<>();
        String t = normalise(title);
        String d = normalise(detail);
        boolean shared = config.sharedWeight() > 0;
        // Each text is segmented once: the shared block holds the same words as the text's own block, and HanLP's
        // segmentation is most of the CPU an appeal's classification costs.
        if (!t.isEmpty()) {
            List<String> words = words(t, config);
            add(t, words, TITLE, config.maxCharGram(), counts);
            if (shared) {
                add(t, words, SHARED, config.maxCharGram(), counts);
            }
        }
        if (!d.isEmpty()) {
            List<String> words = words(d, config);
            add(d, words, DETAIL, config.detailCharGram(), counts);
            if (shared) {
                add(d, words, SHARED, config.maxCharGram(), counts);
            }
        }
        return counts;
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

    private static void add(String text, List<String> words, char block, int longest, Map<String, Integer> counts) {
        for (String word : words) {
            counts.merge(block + "w" + word, 1, Integer::sum);
        }
        CharGrams.count(text, block, longest, counts);
    }

    private static boolean hasContent(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
