package cn.civicloop.dispatch.internal;

import org.locationtech.jts.geom.Geometry;

import cn.civicloop.geo.GeoPoint;

/** A block (块区): the area one group of units patrols, with its post (警务站) where units wait and report. */
public record Block(String code, String name, String streetCode, Geometry outline, GeoPoint post, String postName) {
}
