package cn.civicloop.cases;

/**
 * How a case was placed from the words of its address, when the appeal came without a point.
 *
 * @param level      what the gazetteer matched: a {@code places} level name (DOORPLATE, BUILDING, ROAD, …), or the
 *                   area level (STREET, COMMUNITY, DISTRICT) when only an area was named
 * @param confidence the gazetteer's confidence, 0..1 (0 when nothing but an area matched)
 * @param toConfirm  whether an operator still has to confirm the place (below the high-confidence mark, or not found)
 * @param label      the standard address matched, or the area's name; null when nothing matched
 */
public record PlaceMatch(String level, double confidence, boolean toConfirm, String label) {
}
