package cn.civicloop.triage.duplicates;

import cn.civicloop.geo.GeoPoint;

/**
 * Whether two appeals can be about the same spot, using the most precise place information both of them have:
 * coordinates, then grid (网格), then community (社区). Coordinates win even when the grids differ, because an
 * event on a grid boundary (a road is often one) is reported from both sides.
 *
 * @param compatible     false when the evidence says the places differ
 * @param known          false when the two appeals have no kind of place in common, so text must carry more weight
 * @param distanceMeters the distance when both have coordinates, otherwise {@code null}
 * @param description    how the place was compared, for the match's reason
 */
record Place(boolean compatible, boolean known, Double distanceMeters, String description) {

    static Place compare(AppealText a, AppealText b, double maxDistanceMeters) {
        if (a.hasCoordinates() && b.hasCoordinates()) {
            double d = new GeoPoint(a.lat(), a.lon()).metresTo(new GeoPoint(b.lat(), b.lon()));
            return new Place(d <= maxDistanceMeters, true, d, Math.round(d) + " m apart");
        }
        if (present(a.gridCode()) && present(b.gridCode())) {
            return new Place(a.gridCode().equals(b.gridCode()), true, null, "same grid " + a.gridCode());
        }
        if (present(a.communityCode()) && present(b.communityCode())) {
            return new Place(a.communityCode().equals(b.communityCode()), true, null,
                    "same community " + a.communityCode());
        }
        return new Place(true, false, null, "place not comparable");
    }

    private static boolean present(String code) {
        return code != null && !code.isBlank();
    }
}
