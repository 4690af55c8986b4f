package cn.civicloop.triage.duplicates;

import cn.civicloop.geo.GeoPoint;

/**
 * Whether two appeals can be about the same spot, using the most precise place information both of them have:
 * coordinates, then grid (网格), then community (社区). Coordinates win even when the grids differ, because an
 * event on a grid boundary (a road is often one) is reported from both sides.
 * <p>
 * The description is made only when asked for, for a match's reason: the finder compares a new appeal with every
 * candidate the place keys name (thousands in a busy window, nearly all of them compatible), and building the text
 * for each of them was a few per cent of triage's CPU.
 *
 * @param compatible     false when the evidence says the places differ
 * @param known          false when the two appeals have no kind of place in common, so text must carry more weight
 * @param distanceMeters the distance when both have coordinates, otherwise {@code null}
 * @param basis          what was compared
 * @param code           the grid or community code compared, otherwise {@code null}
 */
record Place(boolean compatible, boolean known, Double distanceMeters, Basis basis, String code) {

    /** The kind of place information the comparison used. */
    enum Basis { DISTANCE, GRID, COMMUNITY, NONE }

    static Place compare(Signature a, Signature b, double maxDistanceMeters) {
        if (a.hasCoordinates() && b.hasCoordinates()) {
            double d = GeoPoint.metres(a.lat(), a.lon(), a.cosLat(), b.lat(), b.lon(), b.cosLat());
            return new Place(d <= maxDistanceMeters, true, d, Basis.DISTANCE, null);
        }
        if (a.gridCode() != null && b.gridCode() != null) {
            return new Place(a.gridCode().equals(b.gridCode()), true, null, Basis.GRID, a.gridCode());
        }
        if (a.communityCode() != null && b.communityCode() != null) {
            return new Place(a.communityCode().equals(b.communityCode()), true, null, Basis.COMMUNITY,
                    a.communityCode());
        }
        return new Place(true, false, null, Basis.NONE, null);
    }

    /** The same comparison of two appeals not signed (for checks of the place rules). */
    static Place compare(AppealText a, AppealText b, double maxDistanceMeters) {
        return compare(new Signature(a), new Signature(b), maxDistanceMeters);
    }

    /** How the place was compared, for the match's reason. */
    String description() {
        return switch (basis) {
            case DISTANCE -> Math.round(distanceMeters) + " m apart";
            case GRID -> "same grid " + code;
            case COMMUNITY -> "same community " + code;
            case NONE -> "place not comparable";
        };
    }
}
