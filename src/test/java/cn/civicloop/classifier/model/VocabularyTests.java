package cn.civicloop.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civicloop.classifier.RoutingExample;
import cn.civicloop.classifier.TrainingFiles;
import com.hankcs.hanlp.seg.common.Term;
import de.bwaldvogel.liblinear.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector straight from the text ({@link Vocabulary#vectorise(String, String, FeatureConfig)}) is the vector of
 * the term map the features were made as before, value for value, over the seed corpus and over texts with the
 * characters that need care (full width, characters outside the basic plane, Latin, digits, punctuation only).
 */
class VocabularyTests {

    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final List<String[]> TEXTS = new ArrayList<>();
    private static Vocabulary vocabulary;

    @BeforeAll
    static void vocabularyOfTheSeedCorpus() throws Exception {
        Path corpus = Path.of(VocabularyTests.class.getResource("/routing/seed-corpus.csv").toURI());
        for (RoutingExample e : TrainingFiles.read(List.of(corpus))) {
            TEXTS.add(new String[] {e.title(), e.detail()});
        }
        TEXTS.add(new String[] {"Ａ市１２３４５热线：路灯不亮！！", "𠮷野家门口的下水道堵了，ktv噪音 2026年"});
        TEXTS.add(new String[] {"𠮷", "𠮷𠮷野"});
        TEXTS.add(new String[] {"，。！", "   "});
        TEXTS.add(new String[] {null, "噪音扰民噪音"});
        TEXTS.add(new String[] {"路灯不亮", null});
        TEXTS.add(new String[] {"向住房和城乡建设局反映加装电梯", "小区门口下水道堵塞，污水外溢 WiFi 5G"});
        // the terms found in two or more texts, with an idf that differs from term to term, in the corpus's order
        Map<String, Integer> df = new TreeMap<>();
        for (String[] t : TEXTS) {
            before(t[0], t[1], CONFIG).keySet().forEach(k -> df.merge(k, 1, Integer::sum));
        }
        List<String> terms = new ArrayList<>();
        df.forEach((term, n) -> {
            if (n >= 2) {
                terms.add(term);
            }
        });
        float[] idf = new float[terms.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) (Math.log((1.0 + TEXTS.size()) / (1.0 + df.get(terms.get(i)))) + 1.0);
        }
        vocabulary = new Vocabulary(terms.toArray(String[]::new), idf, CONFIG);
    }

    @Test
    void theVectorStraightFromTheTextIsTheVectorOfTheTermMapValueForValue() {
        int compared = 0;
        for (String[] t : TEXTS) {
            Feature[] expected = vocabulary.vectorise(before(t[0], t[1], CONFIG));
            Feature[] actual = vocabulary.vectorise(t[0], t[1], CONFIG);
            assertThat(actual).as("%s / %s", t[0], t[1]).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i].getIndex()).isEqualTo(expected[i].getIndex());
                assertThat(Double.doubleToLongBits(actual[i].getValue()))
                        .as("%s / %s, column %d", t[0], t[1], expected[i].getIndex())
                        .isEqualTo(Double.doubleToLongBits(expected[i].getValue()));
            }
            compared += expected.length;
        }
        assertThat(TEXTS).hasSizeGreaterThan(3_900);
        assertThat(compared).isGreaterThan(100_000);
    }

    @Test
    void theTermMapIsTheSameAsItWasMade() {
        for (String[] t : TEXTS) {
            assertThat(TextFeatures.of(t[0], t[1], CONFIG)).as("%s / %s", t[0], t[1])
                    .isEqualTo(before(t[0], t[1], CONFIG));
        }
        FeatureConfig hanlpOnly = CONFIG.withRoutingTerms(false);
        for (String[] t : TEXTS.subList(0, 200)) {
            assertThat(TextFeatures.of(t[0], t[1], hanlpOnly)).isEqualTo(before(t[0], t[1], hanlpOnly));
        }
    }

    @Test
    void aTermOutsideTheVocabularyHasNoColumnEvenWhenItsHashIsAVocabularyTermsHash() {
        // "Aa" and "BB" have the same String hash: the table must compare the term, not only the hash
        TermColumns columns = new TermColumns(new String[] {"tcAa", "dw路灯"});
        String text = "BB路灯Aa";
        assertThat(TermColumns.hash('t', 'c', text, 0, 2)).isEqualTo("tcAa".hashCode());
        assertThat(columns.column(TermColumns.hash('t', 'c', text, 0, 2), 't', 'c', text, 0, 2)).isZero();
        assertThat(columns.column(TermColumns.hash('t', 'c', text, 4, 6), 't', 'c', text, 4, 6)).isEqualTo(1);
        assertThat(columns.column(TermColumns.hash('d', 'w', text, 2, 4), 'd', 'w', text, 2, 4)).isEqualTo(2);
        assertThat(columns.column(TermColumns.hash('s', 'w', text, 2, 4), 's', 'w', text, 2, 4)).isZero();
    }

    /** {@link TextFeatures#of} as it was written before the features were handed out as stretches. */
    private static Map<String, Integer> before(String title, String detail, FeatureConfig config) {
        Map<String, Integer> counts = new HashMap<>();
        String t = TextFeatures.normalise(title);
        String d = TextFeatures.normalise(detail);
        boolean shared = config.sharedWeight() > 0;
        if (!t.isEmpty()) {
            List<String> words = words(t, config);
            add(t, words, TextFeatures.TITLE, config.maxCharGram(), counts);
            if (shared) {
                add(t, words, TextFeatures.SHARED, config.maxCharGram(), counts);
            }
        }
        if (!d.isEmpty()) {
            List<String> words = words(d, config);
            add(d, words, TextFeatures.DETAIL, config.detailCharGram(), counts);
            if (shared) {
                add(d, words, TextFeatures.SHARED, config.maxCharGram(), counts);
            }
        }
        return counts;
    }

    private static List<String> words(String text, FeatureConfig config) {
        List<Term> terms = config.routingTerms() ? RoutingTerms.segment(text)
                : com.hankcs.hanlp.HanLP.segment(text);
        List<String> words = new ArrayList<>();
        for (Term term : terms) {
            if (term.word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(term.word);
            }
        }
        return words;
    }

    private static void add(String text, List<String> words, char block, int longest, Map<String, Integer> counts) {
        for (String word : words) {
            counts.merge(block + "w" + word, 1, Integer::sum);
        }
        String prefix = block + "c";
        int[] cps = text.codePoints().toArray();
        int start = 0;
        while (start < cps.length) {
            if (!Character.isLetterOrDigit(cps[start])) {
                start++;
                continue;
            }
            int end = start;
            while (end < cps.length && Character.isLetterOrDigit(cps[end])) {
                end++;
            }
            for (int i = start; i < end; i++) {
                for (int n = 1; n <= longest && i + n <= end; n++) {
                    counts.merge(prefix + new String(cps, i, n), 1, Integer::sum);
                }
            }
            start = end;
        }
    }
}
