package cn.civicloop.opinion.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.civicloop.places.Gazetteer;
import cn.civicloop.places.Geocoding;
import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.places.PlaceLevel;
import cn.civicloop.shared.InvalidInputException;

/**
 * Where a post's place name (发帖地点) puts it on the map: the gazetteer's stored point of a sure match, or nothing.
 * Nobody confirms a post's place as an operator confirms an appeal's, so only a match at the geocoder's high
 * confidence counts, only at a level that names a spot, and only when no other place matches as well; a name the
 * gazetteer does not know, or knows only as an area, gives no point rather than one made up inside the area.
 */
@Component
class PostPlaces {

    /** A post's place as the gazetteer knows it. */
    record Point(String code, String label, double lat, double lon) {
    }

    /**
     * Levels whose stored point stands for the place named. A road or lane as a whole can run for kilometres, and
     * its one stored point would put every post about it in the same wrong spot.
     */
    private static final Set<PlaceLevel> SPOTS = Set.of(PlaceLevel.INTERSECTION, PlaceLevel.DOORPLATE,
            PlaceLevel.PLACE, PlaceLevel.GATE, PlaceLevel.BUILDING, PlaceLevel.UNIT, PlaceLevel.ROOM);

    private final Gazetteer gazetteer;

    PostPlaces(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The points of a batch's place names, each distinct name geocoded once; names without a sure point absent. */
    Map<String, Point> locate(List<IncomingPost> batch) {
        Map<String, Point> points = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (IncomingPost post : batch) {
            String place = post.place();
            if (place != null && !place.isBlank() && seen.add(place)) {
                locate(place).ifPresent(point -> points.put(place, point));
            }
        }
        return points;
    }

    Optional<Point> locate(String place) {
        Geocoding geocoding;
        try {
            geocoding = gazetteer.geocode(place.strip());
        } catch (InvalidInputException unreadable) {
            // "…" or a text of one character is still the vendor's word, kept on the post; it just places nothing
            return Optional.empty();
        }
        if (!geocoding.found() || geocoding.candidates().isEmpty()) {
            return Optional.empty();
        }
        PlaceCandidate best = geocoding.candidates().get(0);
        if (best.confidence() < gazetteer.highConfidence() || !SPOTS.contains(best.level())) {
            return Optional.empty();
        }
        for (PlaceCandidate other : geocoding.candidates().subList(1, geocoding.candidates().size())) {
            if (other.confidence() >= best.confidence() && !other.code().equals(best.code())) {
                return Optional.empty(); // two places answer the name equally well: which one is a guess
            }
        }
        return Optional.of(new Point(best.code(), best.label(), best.lat(), best.lon()));
    }
}
