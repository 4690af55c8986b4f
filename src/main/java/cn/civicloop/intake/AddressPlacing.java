package cn.civicloop.intake;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.PlaceMatch;
import cn.civicloop.geo.AreaRef;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.geo.Placement;
import cn.civicloop.places.Gazetteer;
import cn.civicloop.places.Geocoding;
import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.shared.InvalidInputException;

/**
 * Places an appeal that names an address and gives no point, through the gazetteer. The best candidate's stored
 * point is taken (below the high-confidence mark the place waits for an operator); a text the gazetteer does not
 * know gives no point at all, only the smallest area it named — never a point made up inside that area.
 */
@Component
class AddressPlacing {

    /** The level recorded when neither a place nor an area matched. */
    static final String UNMATCHED = "NONE";

    private final Gazetteer gazetteer;
    private final Jurisdictions jurisdictions;

    AddressPlacing(Gazetteer gazetteer, Jurisdictions jurisdictions) {
        this.gazetteer = gazetteer;
        this.jurisdictions = jurisdictions;
    }

    /** Where the address words put the appeal: a point with its areas, or only area codes, and how sure. */
    record Placed(GeoPoint point, String streetCode, String communityCode, String gridCode, PlaceMatch match) {
    }

    Placed place(String address) {
        Geocoding geocoding;
        try {
            geocoding = gazetteer.geocode(address);
        } catch (InvalidInputException unreadable) {
            // an address like "3" or "…" is still the resident's words, kept on the case; it just places nothing
            return new Placed(null, null, null, null, new PlaceMatch(UNMATCHED, 0, true, null));
        }
        if (geocoding.found()) {
            PlaceCandidate best = geocoding.candidates().get(0);
            GeoPoint point = new GeoPoint(best.lat(), best.lon());
            Placement placement = jurisdictions.locate(point).orElse(null);
            PlaceMatch match = new PlaceMatch(best.level().name(), best.confidence(),
                    best.confidence() < gazetteer.highConfidence(), best.label());
            return placement == null ? new Placed(point, null, null, null, match)
                    : new Placed(point, code(placement.street()), code(placement.community()), code(placement.grid()),
                            match);
        }
        AreaRef area = geocoding.area();
        if (area == null) {
            return new Placed(null, null, null, null, new PlaceMatch(UNMATCHED, 0, true, null));
        }
        PlaceMatch match = new PlaceMatch(area.level().name(), 0, true, area.name());
        return switch (area.level()) {
            // community codes extend their street's by three digits (GB/T 30428.1 layout, AreaRef)
            case COMMUNITY -> new Placed(null, area.code().substring(0, area.code().length() - 3), area.code(), null,
                    match);
            case STREET -> new Placed(null, area.code(), null, null, match);
            default -> new Placed(null, null, null, null, match);
        };
    }

    private static String code(AreaRef area) {
        return area == null ? null : area.code();
    }
}
