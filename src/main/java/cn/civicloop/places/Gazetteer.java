package cn.civicloop.places;

import java.util.List;
import java.util.Optional;

import cn.civicloop.geo.GeoPoint;

/**
 * Finding and naming places of the district from its standard address gazetteer. Answers come from an in-memory
 * index of the gazetteer, rebuilt on every instance when an import changes it.
 */
public interface Gazetteer {

    /**
     * Free Chinese text as people type or say an address → ranked candidates. A text the gazetteer does not know
     * gives {@code found == false} and, when it named one, the smallest area that matched.
     *
     * @throws cn.civicloop.shared.InvalidInputException for an empty text, one character, more than 200 characters,
     *                                                   or a text without any Chinese character or letter
     */
    Geocoding geocode(String text);

    /** Completions of a text being typed, best first, at most {@code limit}; empty for a text too short to say. */
    List<PlaceCandidate> suggest(String text, int limit);

    /**
     * The nearest doorplate or named place within the configured reach of a WGS84 point.
     *
     * @throws cn.civicloop.shared.InvalidInputException when the point lies outside the district
     */
    Optional<NearbyPlace> reverse(GeoPoint wgs84);

    /** At or above this confidence a candidate may be used without an operator confirming the place. */
    double highConfidence();
}
