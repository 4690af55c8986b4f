package cn.civicloop.dispatch.internal.travel;

import java.util.List;

import cn.civicloop.geo.GeoPoint;

/**
 * Estimates how long each of several units needs to reach one incident. One call for all candidates, because a
 * road network answers many origins and one destination with a single backward search far faster than with one
 * route per unit.
 */
public interface TravelTimeModel {

    /** One estimate per origin, in the order of {@code origins}. */
    List<TravelEstimate> toward(GeoPoint destination, List<GeoPoint> origins);

    /** Short name shown in explanations, e.g. "路网" or "直线×绕行系数". */
    String label();
}
