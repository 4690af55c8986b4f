package cn.civicloop.places.internal;

import java.util.List;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.places.PlaceLevel;

/** The crossing of two roads of the gazetteer, computed from their centre lines (a point of the data, not a guess). */
final class Intersection {

    private Intersection() {
    }

    static GazetteerNode node(GazetteerNode a, GazetteerNode b, GeoPoint at) {
        Element e = new Element(a.element.code() + "&" + b.element.code(), PlaceLevel.INTERSECTION, null, null,
                a.element.name() + "与" + b.element.name() + "交叉口", List.of(), List.of(),
                DemoGazetteer.round(at.lat()), DemoGazetteer.round(at.lon()), null, a.element.street(),
                a.element.community(), a.element.grid());
        return new GazetteerNode(e);
    }
}
