package cn.civicloop.places;

/**
 * What is at or near a point: the nearest doorplate or named place and the road it is on.
 *
 * @param place  the nearest element of the gazetteer
 * @param metres its distance from the point, rounded
 * @param road   the name of the nearest road within reach, or null
 * @param label  how a person says it: "广济路12号" at the door, "广济路12号附近 约30米" farther off
 */
public record NearbyPlace(PlaceCandidate place, long metres, String road, String label) {
}
