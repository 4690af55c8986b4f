package cn.civicloop.classifier.model;

/**
 * How texts become features and how the linear models are fitted (特征与训练参数). Stored in the model file, so a
 * model always vectorises exactly as it was trained.
 *
 * @param maxCharGram   longest character n-gram (1 … maxCharGram); Chinese words are 1–4 characters, so 2–3 suffice
 * @param words         whether dictionary words from HanLP are features too (they add compounds the n-grams split)
 * @param minDf         terms seen in fewer training texts are dropped; keeps the model file small
 * @param titleWeight   weight of the title block: a title is short and dense, so it gets its own namespace
 * @param detailWeight  weight of the body (留言详情) block
 * @param sharedWeight  weight of a block shared by title and body, so title-only and body-only training rows
 *                      teach each other; 0 switches it off
 * @param svmC          regularisation of the linear SVM (L2-loss); 0 leaves the SVM out
 * @param lrC           regularisation of the logistic regression; 0 leaves it out
 * @param lrMix         weight of the logistic-regression scores added to the SVM scores
 * @param calibrationFolds folds of the inner cross-validation that fits the confidence calibration
 * @param nbWeight      weight of a multinomial naive Bayes over the title and shared blocks, added to the linear
 *                      scores (it carries the vocabulary of bodies over to bare titles); 0 leaves it out
 * @param nbAlpha       additive smoothing of that naive Bayes
 * @param detailCharGram longest character n-gram of the body block alone: a body is long enough for 3-grams to
 *                      carry phrases, while on the short title and shared blocks they mostly add noise
 * @param routingTerms  whether words are segmented with our dictionary of government bodies and residents'
 *                      matters added to HanLP's (RoutingTerms)
 * @param neighbours    how many of the nearest training texts vote on a complete message (Neighbours)
 * @param neighbourWeight weight of their votes (0–1 per label) added to the linear scores of a complete message
 *                      (title and body); 0 leaves the training texts out of the model. Titles and bodies alone get
 *                      no votes: on titles they did not help (ADR 0069)
 */
public record FeatureConfig(int maxCharGram, boolean words, int minDf, float titleWeight, float detailWeight,
        float sharedWeight, double svmC, double lrC, double lrMix, int calibrationFolds, double nbWeight,
        double nbAlpha, int detailCharGram, boolean routingTerms, int neighbours, double neighbourWeight) {

    /**
     * Title weight, naive-Bayes weight and smoothing chosen by the 5-fold CV of the benchmark (titles and complete);
     * character 3-grams in the body only, chosen on the held-out split (ADR 0040); our segmentation words, chosen
     * on both (ADR 0058); the votes of the 10 nearest training texts with weight 0.8 on complete messages, chosen
     * on both (ADR 0069).
     */
    public static FeatureConfig defaults() {
        return new FeatureConfig(2, true, 2, 0.7f, 1.0f, 1.0f, 0.5, 0.0, 0.25, 3, 0.05, 0.01, 3, true, 10, 0.8);
    }

    /** Without neighbours' votes, as models of format 4 were trained. */
    public FeatureConfig(int maxCharGram, boolean words, int minDf, float titleWeight, float detailWeight,
            float sharedWeight, double svmC, double lrC, double lrMix, int calibrationFolds, double nbWeight,
            double nbAlpha, int detailCharGram, boolean routingTerms) {
        this(maxCharGram, words, minDf, titleWeight, detailWeight, sharedWeight, svmC, lrC, lrMix, calibrationFolds,
                nbWeight, nbAlpha, detailCharGram, routingTerms, 0, 0.0);
    }

    /** HanLP's dictionaries alone, as models of format 3 were trained. */
    public FeatureConfig(int maxCharGram, boolean words, int minDf, float titleWeight, float detailWeight,
            float sharedWeight, double svmC, double lrC, double lrMix, int calibrationFolds, double nbWeight,
            double nbAlpha, int detailCharGram) {
        this(maxCharGram, words, minDf, titleWeight, detailWeight, sharedWeight, svmC, lrC, lrMix, calibrationFolds,
                nbWeight, nbAlpha, detailCharGram, false);
    }

    /** The same settings with or without our segmentation words. */
    public FeatureConfig withRoutingTerms(boolean on) {
        return new FeatureConfig(maxCharGram, words, minDf, titleWeight, detailWeight, sharedWeight, svmC, lrC, lrMix,
                calibrationFolds, nbWeight, nbAlpha, detailCharGram, on, neighbours, neighbourWeight);
    }

    /** The same settings with {@code k} neighbours voting with {@code weight} (0 for none). */
    public FeatureConfig withNeighbours(int k, double weight) {
        return new FeatureConfig(maxCharGram, words, minDf, titleWeight, detailWeight, sharedWeight, svmC, lrC, lrMix,
                calibrationFolds, nbWeight, nbAlpha, detailCharGram, routingTerms, k, weight);
    }

    /** Whether complete messages get their neighbours' votes, so the training texts are kept in the model. */
    public boolean votes() {
        return neighbours > 0 && neighbourWeight > 0;
    }

    /** Body n-grams as long as the others, as models of format 2 were trained. */
    public FeatureConfig(int maxCharGram, boolean words, int minDf, float titleWeight, float detailWeight,
            float sharedWeight, double svmC, double lrC, double lrMix, int calibrationFolds, double nbWeight,
            double nbAlpha) {
        this(maxCharGram, words, minDf, titleWeight, detailWeight, sharedWeight, svmC, lrC, lrMix, calibrationFolds,
                nbWeight, nbAlpha, maxCharGram);
    }

    /** Without the naive-Bayes term, as models of format 1 were trained. */
    public FeatureConfig(int maxCharGram, boolean words, int minDf, float titleWeight, float detailWeight,
            float sharedWeight, double svmC, double lrC, double lrMix, int calibrationFolds) {
        this(maxCharGram, words, minDf, titleWeight, detailWeight, sharedWeight, svmC, lrC, lrMix, calibrationFolds,
                0.0, 0.01);
    }

    public FeatureConfig {
        if (maxCharGram < 1 || detailCharGram < 1 || minDf < 1 || calibrationFolds < 2) {
            throw new IllegalArgumentException("maxCharGram, detailCharGram and minDf must be ≥ 1, calibrationFolds ≥ 2");
        }
        if (svmC <= 0 && lrC <= 0) {
            throw new IllegalArgumentException("at least one of svmC and lrC must be positive");
        }
        if (nbWeight < 0 || nbAlpha <= 0) {
            throw new IllegalArgumentException("nbWeight must be ≥ 0 and nbAlpha > 0");
        }
        if (neighbours < 0 || neighbourWeight < 0) {
            throw new IllegalArgumentException("neighbours and neighbourWeight must be ≥ 0");
        }
    }
}
