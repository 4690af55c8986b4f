package cn.civicloop.geo;

import org.locationtech.jts.geom.Geometry;

/** One generated area, before it is written out. */
record DemoArea(String code, String name, AreaLevel level, String parentCode, Geometry geometry) {
}
