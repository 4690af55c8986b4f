package cn.civicloop.triage.duplicates;

/**
 * A recent appeal that probably reports the same event.
 *
 * @param id             the recent appeal's id
 * @param textSimilarity exact Jaccard similarity of the two texts' character shingles, in [0, 1]
 * @param distanceMeters great-circle distance when both appeals have coordinates, otherwise {@code null}
 * @param reason         a short explanation for the dispatcher (text, place and time evidence)
 */
public record DuplicateMatch(String id, double textSimilarity, Double distanceMeters, String reason) {
}
