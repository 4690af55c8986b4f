package cn.civicloop.places;

import java.util.List;

import cn.civicloop.geo.AreaRef;

/**
 * The geocoder's answer to a text.
 *
 * @param query      the text as normalised (full-width digits, Chinese numerals, spaces)
 * @param found      whether at least one candidate reached the confidence threshold
 * @param candidates best first, each above the threshold (empty when not found)
 * @param area       when not found: the smallest area (community, street, district) named in the text, else null —
 *                   an area, never a point inside it
 */
public record Geocoding(String query, boolean found, List<PlaceCandidate> candidates, AreaRef area) {
}
