package cn.civicloop.triage.duplicates;

/**
 * How much one shingle counts when two texts are compared ({@link Signature#weightedSimilarity}). Plain Jaccard
 * counts "A市" and "咨询" as much as the name of an estate; a caller that knows how common each shingle is in its
 * stream (inverse document frequency) gives the rare ones, which name the place and the problem, their weight.
 */
@FunctionalInterface
public interface ShingleWeights {

    /** A non-negative weight for the packed shingle (see {@link Signature#forEachShingle}). */
    double weight(long shingle);
}
