package cn.civicloop.classifier.model;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HanLP word bigrams of a title as title-block terms of kind {@code b}: a setting {@code RoutingSweep} measures
 * ({@code titleBigrams=true}) without it being in the trainer. Segmented as {@link TextFeatures} segments.
 */
public final class TitleBigrams {

    private TitleBigrams() {
    }

    /** Adds the bigrams of {@code title} to {@code counts} and returns it. */
    public static Map<String, Integer> add(Map<String, Integer> counts, String title, FeatureConfig config) {
        String t = TextFeatures.normalise(title);
        if (t.isEmpty() || !config.words()) {
            return counts;
        }
        List<Term> terms = config.routingTerms() ? RoutingTerms.segment(t) : HanLP.segment(t);
        List<String> words = new ArrayList<>();
        for (Term term : terms) {
            if (term.word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(term.word);
            }
        }
        for (int i = 1; i < words.size(); i++) {
            counts.merge(TextFeatures.TITLE + "b" + words.get(i - 1) + "_" + words.get(i), 1, Integer::sum);
        }
        return counts;
    }
}
