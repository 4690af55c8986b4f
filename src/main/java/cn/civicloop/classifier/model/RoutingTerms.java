package cn.civicloop.classifier.model;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The classifier's own segmenter (分类器分词): HanLP's dictionary + bigram Viterbi with the words of
 * {@value #RESOURCE} added — names of government bodies and of the matters residents write about, so that
 * "住房和城乡建设局" is one word instead of 住房 / 和 / 城乡 / 建设局. The words go into a dictionary of this
 * segmenter alone: HanLP's global dictionaries, which other modules segment with, stay as they ship.
 */
final class RoutingTerms {

    static final String RESOURCE = "/routing/routing-terms.txt";

    private static final Segment SEGMENT = HanLP.newSegment().enableCustomDictionary(dictionary());

    private RoutingTerms() {
    }

    /** Thread-safe: every call builds its own word lattice. */
    static List<Term> segment(String text) {
        return SEGMENT.seg(text);
    }

    private static DynamicCustomDictionary dictionary() {
        // the no-argument dictionary holds HanLP's shipped custom words, so ours only add to them
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary();
        try (InputStream in = RoutingTerms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    dictionary.insert(word, "nz 1000");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dictionary;
    }
}
